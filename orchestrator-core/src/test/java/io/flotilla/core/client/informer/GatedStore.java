package io.flotilla.core.client.informer;

import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.store.ListOptions;
import io.flotilla.core.store.ListResult;
import io.flotilla.core.store.ObjectStore;
import io.flotilla.core.store.Preconditions;
import io.flotilla.core.store.Watch;
import io.flotilla.core.store.WatchEvent;
import io.flotilla.core.store.WatchListener;
import io.flotilla.core.store.WatchOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A store whose watches can be held: while the gate is closed, a watcher gets no event after the hold revision and
 * no terminal event (as if it were stalled), so the store's history can overtake it. Also counts lists and remembers the latest watch.
 */
final class GatedStore implements ObjectStore {
    private final ObjectStore delegate;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile long holdAfter = Long.MAX_VALUE;
    private volatile Watch<?> lastWatch;
    final AtomicInteger lists = new AtomicInteger();
    final AtomicInteger watches = new AtomicInteger();

    GatedStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    /** Holds back every event after {@code revision} until {@link #release()}. */
    void holdAfter(long revision) {
        gate = new CountDownLatch(1);
        holdAfter = revision;
    }

    void release() {
        gate.countDown();
    }

    Watch<?> lastWatch() {
        return lastWatch;
    }

    @Override
    public <T extends Resource> T create(T object) {
        return delegate.create(object);
    }

    @Override
    public <T extends Resource> Optional<T> get(ResourceType<T> type, String namespace, String name) {
        return delegate.get(type, namespace, name);
    }

    @Override
    public <T extends Resource> ListResult<T> list(ResourceType<T> type, ListOptions options) {
        lists.incrementAndGet();
        return delegate.list(type, options);
    }

    @Override
    public <T extends Resource> T update(T object) {
        return delegate.update(object);
    }

    @Override
    public <T extends Resource> T update(ResourceType<T> type, String namespace, String name,
                                         UnaryOperator<T> change) {
        return delegate.update(type, namespace, name, change);
    }

    @Override
    public <T extends Resource> T delete(ResourceType<T> type, String namespace, String name,
                                         Preconditions preconditions) {
        return delegate.delete(type, namespace, name, preconditions);
    }

    @Override
    public <T extends Resource> Watch<T> watch(ResourceType<T> type, WatchOptions options) {
        watches.incrementAndGet();
        Watch<T> watch = new Gated<>(delegate.watch(type, options));
        lastWatch = watch;
        return watch;
    }

    @Override
    public <T extends Resource> Watch<T> watch(ResourceType<T> type, WatchOptions options,
                                               WatchListener<T> listener) {
        throw new UnsupportedOperationException("informers pull");
    }

    @Override
    public long revision() {
        return delegate.revision();
    }

    private final class Gated<T extends Resource> implements Watch<T> {
        private final Watch<T> watch;
        private volatile WatchEvent<T> pending;

        Gated(Watch<T> watch) {
            this.watch = watch;
        }

        @Override
        public WatchEvent<T> poll(Duration timeout) throws InterruptedException {
            if (pending == null) {
                pending = watch.poll(timeout);
            }
            return take(false);
        }

        @Override
        public WatchEvent<T> next() throws InterruptedException {
            if (pending == null) {
                pending = watch.next();
            }
            return take(true);
        }

        private WatchEvent<T> take(boolean wait) throws InterruptedException {
            WatchEvent<T> event = pending;
            if (event == null) {
                return null;
            }
            boolean held = event.revision() > holdAfter || event.isTerminal();
            if (held && gate.getCount() > 0) {
                if (!wait) {
                    return null;
                }
                gate.await();
            }
            pending = null;
            return event;
        }

        @Override
        public void requestBookmark() {
            watch.requestBookmark();
        }

        @Override
        public long revision() {
            WatchEvent<T> held = pending;
            return held != null ? held.revision() - 1 : watch.revision();
        }

        @Override
        public long backlog() {
            return watch.backlog();
        }

        @Override
        public boolean isClosed() {
            return watch.isClosed();
        }

        @Override
        public void close() {
            watch.close();
            release();
        }
    }
}
