package io.flotilla.core.store;

import io.flotilla.api.meta.Resource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;

/*
 * Design notes: a watch is a cursor into the store's shared event log, advanced by the consumer's own thread, so a
 * write costs the same with 0 or 100 watchers and nothing is copied per watcher. The watcher's "queue" is the log
 * between its cursor and the head: bounded by maxBacklog and by the ring (being lapped is detected by the slot's
 * revision), either of which ends the watch with a terminal Gone. Selector transitions are decided per change from
 * the previous and the new state the change carries, so no per-watcher state is kept beyond the cursor.
 */
final class LogWatch<T extends Resource> implements Watch<T> {
    private final EventLog log;
    private final Notifier notifier;
    private final TypeTable table;
    private final String namespace;
    private final Predicate<Resource> matcher;
    private final boolean bookmarks;
    private final long bookmarkInterval;
    private final long maxBacklog;
    private final Runnable onCutOff;
    private final Consumer<LogWatch<?>> onClose;
    private final ArrayDeque<WatchEvent<T>> initial;

    private volatile long cursor;
    private final AtomicLong bookmarkAt = new AtomicLong(-1);
    private volatile boolean closed;
    private volatile Thread consumer;
    private long lastSent;

    LogWatch(EventLog log, Notifier notifier, TypeTable table, WatchOptions options, Predicate<Resource> matcher,
             long fromRevision, List<WatchEvent<T>> initialEvents, Runnable onCutOff, Consumer<LogWatch<?>> onClose) {
        this.log = log;
        this.notifier = notifier;
        this.table = table;
        this.namespace = options.namespace();
        this.matcher = matcher;
        this.bookmarks = options.bookmarks();
        this.bookmarkInterval = options.bookmarkInterval();
        this.maxBacklog = options.maxBacklog() == 0 ? log.capacity() - 1 : Math.min(options.maxBacklog(),
                log.capacity() - 1);
        this.onCutOff = onCutOff;
        this.onClose = onClose;
        this.initial = new ArrayDeque<>(initialEvents);
        this.cursor = fromRevision + 1;
        this.lastSent = fromRevision;
    }

    @Override
    public WatchEvent<T> poll(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        return take(timeout.toNanos(), true);
    }

    @Override
    public WatchEvent<T> next() throws InterruptedException {
        return take(0, false);
    }

    private WatchEvent<T> take(long timeoutNanos, boolean timed) throws InterruptedException {
        long deadline = 0;
        boolean waited = false;
        while (!closed) {
            WatchEvent<T> event = nextAvailable();
            if (event != null) {
                if (event.isTerminal()) {
                    close();
                }
                return event;
            }
            if (!waited) {
                deadline = System.nanoTime() + timeoutNanos;
                waited = true;
            }
            if (!await(deadline, timed)) {
                return null;
            }
        }
        return null;
    }

    private WatchEvent<T> nextAvailable() {
        if (!initial.isEmpty()) {
            return initial.poll();
        }
        long head = log.head();
        long next = cursor;
        if (head - next + 1 > maxBacklog) {
            return cutOff(new StoreException.Gone("watch fell " + (head - next + 1) + " revisions behind, more than"
                    + " its limit of " + maxBacklog + "; list again and watch from the list's revision"), next - 1);
        }
        try {
            while (next <= head) {
                Change change = log.at(next);
                if (change == null || change.revision() != next) {
                    return cutOff(new StoreException.Gone(next - 1, log.oldestRetained()), next - 1);
                }
                next++;
                WatchEvent<T> event = filter(change);
                if (event != null) {
                    lastSent = change.revision();
                    return event;
                }
                if (bookmarks && change.revision() - lastSent >= bookmarkInterval) {
                    lastSent = change.revision();
                    return WatchEvent.bookmark(change.revision());
                }
            }
        } finally {
            cursor = next;
        }
        long requested = bookmarkAt.get();
        if (requested >= 0 && next - 1 >= requested) {
            bookmarkAt.compareAndSet(requested, -1); // a newer request stays pending
            lastSent = next - 1;
            return WatchEvent.bookmark(next - 1);
        }
        return null;
    }

    private WatchEvent<T> cutOff(StoreException.Gone reason, long revision) {
        onCutOff.run();
        return WatchEvent.error(reason, revision);
    }

    @SuppressWarnings("unchecked")
    private WatchEvent<T> filter(Change change) {
        if (change.table() != table) {
            return null;
        }
        Resource object = change.object();
        if (namespace != null && !namespace.equals(object.metadata().namespace())) {
            return null;
        }
        WatchEvent.Type op = change.op();
        if (matcher == null) {
            return WatchEvent.of(op, (T) object, change.revision());
        }
        boolean was = change.previous() != null && matcher.test(change.previous());
        boolean is = op != WatchEvent.Type.DELETED && matcher.test(object);
        if (is) {
            return WatchEvent.of(was ? WatchEvent.Type.MODIFIED : WatchEvent.Type.ADDED, (T) object,
                    change.revision());
        }
        if (!was) {
            return null;
        }
        Resource last = op == WatchEvent.Type.DELETED ? object : change.previous().withMetadata(
                change.previous().metadata().withResourceVersion(Long.toString(change.revision())));
        return WatchEvent.of(WatchEvent.Type.DELETED, (T) last, change.revision());
    }

    private boolean await(long deadline, boolean timed) throws InterruptedException {
        Thread self = Thread.currentThread();
        consumer = self;
        notifier.register(self);
        try {
            while (!closed && log.head() < cursor && bookmarkAt.get() < 0) {
                if (timed) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        return false;
                    }
                    LockSupport.parkNanos(this, remaining);
                } else {
                    LockSupport.park(this);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return true;
        } finally {
            notifier.unregister(self);
            consumer = null;
        }
    }

    @Override
    public void requestBookmark() {
        bookmarkAt.set(log.head());
        wake();
    }

    @Override
    public long revision() {
        return cursor - 1;
    }

    @Override
    public long backlog() {
        return closed ? 0 : Math.max(0, log.head() - cursor + 1);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.accept(this);
            wake();
        }
    }

    private void wake() {
        Thread waiter = consumer;
        if (waiter != null) {
            LockSupport.unpark(waiter);
        }
    }
}
