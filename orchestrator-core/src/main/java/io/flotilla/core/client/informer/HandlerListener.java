package io.flotilla.core.client.informer;

import io.flotilla.api.meta.Resource;
import io.flotilla.core.controller.EventSource;
import io.flotilla.core.controller.ResourceEventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes: client-go's processorListener. The informer appends notifications (never blocking: the queue is
 * unbounded, as client-go's ring buffer) and one virtual thread per handler calls the handler in order, so a slow
 * handler delays only itself, never the cache or the other handlers. Barriers are markers the informer waits on to
 * know a handler has seen everything up to a point (the initial list); removing the handler releases them.
 */
final class HandlerListener<T extends Resource> implements EventSource.Registration {
    private static final Logger LOG = LoggerFactory.getLogger(HandlerListener.class);

    /** A call of the handler ({@code what} happened to {@code object}), or a barrier. */
    private record Item(Runnable call, String what, Resource object, CompletableFuture<Void> barrier) {
    }

    private static final Item STOP = new Item(() -> { }, "stop", null, null);

    private final ResourceEventHandler<? super T> handler;
    private final String kind;
    private final InformerMetrics metrics;
    private final Consumer<HandlerListener<T>> onRemove;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean removed;

    HandlerListener(ResourceEventHandler<? super T> handler, String kind, InformerMetrics metrics,
                    Consumer<HandlerListener<T>> onRemove) {
        this.handler = handler;
        this.kind = kind;
        this.metrics = metrics;
        this.onRemove = onRemove;
        this.thread = Thread.ofVirtual().name("flotilla-informer-" + kind + "-handler").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    void add(T object) {
        offer(() -> handler.onAdd(object), "add", object);
    }

    void update(T oldObject, T newObject) {
        offer(() -> handler.onUpdate(oldObject, newObject), "update", newObject);
    }

    void delete(T object) {
        offer(() -> handler.onDelete(object), "delete", object);
    }

    /** Completes {@code barrier} once the handler has been given everything queued before it. */
    void barrier(CompletableFuture<Void> barrier) {
        if (removed) {
            barrier.complete(null);
        } else {
            queue.add(new Item(null, null, null, barrier));
        }
    }

    private void offer(Runnable call, String what, T object) {
        if (removed) {
            return;
        }
        queue.add(new Item(call, what, object, null));
    }

    /** Calls the handler, timing the call; a handler that throws is logged and keeps receiving events. */
    private void deliver(Item item) {
        long start = metrics.start();
        try {
            item.call().run();
        } catch (RuntimeException e) {
            LOG.warn("{} handler failed on the {} of {}; continuing", kind, item.what(),
                    IndexedCache.key(item.object()), e);
        } finally {
            metrics.handled(start);
        }
    }

    private void run() {
        try {
            while (true) {
                Item item = queue.take();
                if (item == STOP) {
                    break;
                }
                if (item.barrier() != null) {
                    item.barrier().complete(null);
                } else if (!removed) {
                    deliver(item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            releaseBarriers();
        }
    }

    private void releaseBarriers() {
        List<Item> rest = new ArrayList<>();
        queue.drainTo(rest);
        rest.stream().filter(i -> i.barrier() != null).forEach(i -> i.barrier().complete(null));
    }

    /** Stops delivering to the handler; a call in progress finishes. Idempotent. */
    @Override
    public void remove() {
        if (!removed) {
            removed = true;
            onRemove.accept(this);
            queue.add(STOP);
        }
    }
}
