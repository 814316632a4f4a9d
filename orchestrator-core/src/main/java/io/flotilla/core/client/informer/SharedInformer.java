package io.flotilla.core.client.informer;

import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.controller.EventSource;
import io.flotilla.core.controller.ResourceEventHandler;
import io.flotilla.core.store.WatchEvent;
import io.flotilla.core.time.Cancellable;
import io.flotilla.core.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Design notes: the reflector thread is the only writer of the cache. One lock orders "change the cache, then queue
 * the notification for every handler" against adding a handler (which replays the cache as adds) and resyncs, so a
 * handler sees exactly the cache's history from the moment it joined, with no gap and no duplicate. Queuing never
 * blocks (each handler drains its own queue on its own thread), so the lock is held for microseconds and the store's
 * writers never meet it: they do not even know the informer exists (the watch reads the store's log).
 */

/**
 * A shared informer for one kind, after client-go's: it lists the kind from the object store (directly or through
 * the API server), watches from the
 * list's revision, and keeps an indexed cache of the (immutable) objects that {@link #lister()} reads. Handlers get
 * every add, update and delete in order, each handler serially on a thread of its own, so a slow handler delays
 * only itself. When the watch falls too far behind and expires, the informer lists again and delivers the
 * difference to its cache (adds, updates, and deletes for what vanished; a name whose uid changed meanwhile is a
 * delete and an add), so handlers always see a consistent
 * stream; when a watch just ends, it resumes from the last revision seen. Obtain informers from a
 * {@link SharedInformerFactory}.
 *
 * <p>Thread-safe. Handlers may be added at any time: one added after the initial list first gets every cached
 * object as an add.
 *
 * @param <T> the resource type
 */
public final class SharedInformer<T extends Resource> implements AutoCloseable {
    private enum State { NEW, RUNNING, STOPPED }

    private final ResourceType<T> type;
    private final Clock clock;
    private final Duration resyncPeriod;
    private final IndexedCache<T> cache = new IndexedCache<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final List<HandlerListener<T>> listeners = new ArrayList<>();
    private final CompletableFuture<Void> synced = new CompletableFuture<>();
    private final InformerMetrics metrics;
    private final Reflector<T> reflector;
    private final Lister<T> lister;
    private State state = State.NEW;
    private boolean listed;
    private Cancellable resync;

    SharedInformer(ListWatch store, ResourceType<T> type, Clock clock, Duration resyncPeriod,
                   Map<String, IndexFunction<? super T>> indexers, MeterRegistry registry) {
        this.type = type;
        this.clock = clock;
        this.resyncPeriod = resyncPeriod;
        indexers.forEach(cache::addIndexer);
        this.metrics = new InformerMetrics(registry, clock, type.kind(), type.group(), this,
                i -> i.lag(store), i -> i.cache.size());
        this.reflector = new Reflector<>(store, type, clock, new Sink(), metrics);
        this.lister = new Lister<>(type, cache);
    }

    /** The kind this informer watches. */
    public ResourceType<T> type() {
        return type;
    }

    /** Starts listing and watching; idempotent. Ignored once stopped. */
    public void start() {
        lock.lock();
        try {
            if (state != State.NEW) {
                return;
            }
            state = State.RUNNING;
            reflector.start();
            if (resyncPeriod != null) {
                resync = clock.scheduleAtFixedRate(resyncPeriod, resyncPeriod, this::resync);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops watching and delivering: every handler is removed (a call in progress finishes) and {@link #synced()}
     * fails if it had not completed. The cache keeps its last state. Idempotent.
     */
    @Override
    public void close() {
        List<HandlerListener<T>> removed;
        lock.lock();
        try {
            if (state == State.STOPPED) {
                return;
            }
            state = State.STOPPED;
            removed = List.copyOf(listeners);
            if (resync != null) {
                resync.cancel();
            }
        } finally {
            lock.unlock();
        }
        reflector.stop();
        removed.forEach(HandlerListener::remove);
        synced.completeExceptionally(new CancellationException(type.kind() + " informer stopped before it synced"));
    }

    /**
     * Adds a handler. If the informer has listed already, the handler first gets every cached object as an add;
     * then it gets every change after that, in order, serially, on its own thread. A handler that throws is logged
     * and keeps receiving events. After {@link #close()} the handler is ignored.
     *
     * @return a registration whose {@code remove()} stops delivery to the handler
     * @throws NullPointerException if {@code handler} is {@code null}
     */
    public EventSource.Registration addEventHandler(ResourceEventHandler<? super T> handler) {
        Objects.requireNonNull(handler, "handler");
        lock.lock();
        try {
            if (state == State.STOPPED) {
                return () -> { };
            }
            HandlerListener<T> listener = new HandlerListener<>(handler, type.kind(), metrics, this::removeListener);
            cache.list(o -> true).forEach(listener::add);
            listeners.add(listener);
            listener.start();
            return listener;
        } finally {
            lock.unlock();
        }
    }

    private void removeListener(HandlerListener<T> listener) {
        lock.lock();
        try {
            listeners.remove(listener);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds an index and indexes the cached objects under it; may be called at any time.
     *
     * @throws IllegalArgumentException if an index of that name exists
     * @throws NullPointerException     if an argument is {@code null}
     */
    public void addIndexer(String name, IndexFunction<? super T> function) {
        cache.addIndexer(Objects.requireNonNull(name, "name"), Objects.requireNonNull(function, "function"));
    }

    /** The read-only view of the cache. */
    public Lister<T> lister() {
        return lister;
    }

    /**
     * Completes once the initial list is in the cache and the handlers registered by then have been given it;
     * fails with a {@link CancellationException} if the informer is closed first.
     */
    public CompletionStage<Void> synced() {
        return synced.copy();
    }

    /** Whether {@link #synced()} has completed normally. */
    public boolean hasSynced() {
        return synced.isDone() && !synced.isCompletedExceptionally();
    }

    /** The store revision up to which this informer has processed changes; {@code -1} before its first list. */
    public long lastSyncRevision() {
        return reflector.revision();
    }

    @Override
    public String toString() {
        return "SharedInformer[" + type + ", " + cache.size() + " objects]";
    }

    private double lag(ListWatch store) {
        long processed = reflector.revision();
        return Math.max(0, store.revision() - Math.max(processed, 0));
    }

    /** Sends every cached object to every handler as an update with equal old and new objects. */
    private void resync() {
        lock.lock();
        try {
            if (state != State.RUNNING || !listed) {
                return;
            }
            for (T object : cache.list(o -> true)) {
                listeners.forEach(l -> l.update(object, object));
            }
        } finally {
            lock.unlock();
        }
    }

    /** The reflector's view of the informer; runs on the reflector thread. */
    private final class Sink implements Reflector.Sink<T> {
        @Override
        public void replace(List<T> items, long revision) {
            lock.lock();
            try {
                List<Runnable> notifications = new ArrayList<>();
                cache.batch(() -> diff(items, notifications));
                notifications.forEach(Runnable::run);
                if (!listed) {
                    listed = true;
                    List<CompletableFuture<Void>> barriers = new ArrayList<>();
                    for (HandlerListener<T> l : listeners) {
                        CompletableFuture<Void> barrier = new CompletableFuture<>();
                        l.barrier(barrier);
                        barriers.add(barrier);
                    }
                    CompletableFuture.allOf(barriers.toArray(CompletableFuture[]::new))
                            .thenRun(() -> synced.complete(null));
                }
            } finally {
                lock.unlock();
            }
        }

        /** Under both locks: makes the cache equal {@code items}, collecting what to tell the handlers. */
        private void diff(List<T> items, List<Runnable> notifications) {
            Map<String, T> fresh = new HashMap<>();
            items.forEach(item -> fresh.put(IndexedCache.key(item), item));
            for (String key : cache.keys()) {
                if (!fresh.containsKey(key)) {
                    T gone = cache.remove(key);
                    notifications.add(() -> listeners.forEach(l -> l.delete(gone)));
                }
            }
            for (T item : items) {
                T old = cache.get(IndexedCache.key(item));
                boolean replaced = old != null && !Objects.equals(old.metadata().uid(), item.metadata().uid());
                if (replaced) {
                    notifications.add(() -> listeners.forEach(l -> l.delete(old)));
                }
                if (old == null || replaced) {
                    cache.put(item);
                    notifications.add(() -> listeners.forEach(l -> l.add(item)));
                } else if (!old.equals(item)) {
                    cache.put(item);
                    notifications.add(() -> listeners.forEach(l -> l.update(old, item)));
                }
            }
        }

        @Override
        public void apply(WatchEvent<T> event) {
            lock.lock();
            try {
                T object = event.object();
                if (event.type() == WatchEvent.Type.DELETED) {
                    T old = cache.remove(IndexedCache.key(object));
                    if (old != null) {
                        listeners.forEach(l -> l.delete(object));
                    }
                } else {
                    upsert(object);
                }
            } finally {
                lock.unlock();
            }
        }

        /** Under the lock: stores {@code object} and notifies, unless the cache already has this version. */
        private void upsert(T object) {
            String key = IndexedCache.key(object);
            T old = cache.get(key);
            if (old != null && (isNewer(old, object) || sameVersionAndContent(old, object))) {
                return;
            }
            cache.put(key, object);
            if (old == null) {
                listeners.forEach(l -> l.add(object));
            } else {
                listeners.forEach(l -> l.update(old, object));
            }
        }
    }

    /** Equal objects; a different resourceVersion makes them unequal without a deep comparison. */
    private static boolean sameVersionAndContent(Resource cached, Resource incoming) {
        return Objects.equals(cached.metadata().resourceVersion(), incoming.metadata().resourceVersion())
                && cached.equals(incoming);
    }

    private static boolean isNewer(Resource cached, Resource incoming) {
        try {
            return Long.parseLong(cached.metadata().resourceVersion())
                    >= Long.parseLong(incoming.metadata().resourceVersion());
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }
}
