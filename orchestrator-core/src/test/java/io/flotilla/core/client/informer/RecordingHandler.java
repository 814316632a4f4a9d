package io.flotilla.core.client.informer;

import io.flotilla.api.meta.Resource;
import io.flotilla.core.controller.ResourceEventHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records what a handler is told as {@code add ns/name@rv}, {@code update ns/name@rv->rv}, {@code delete ns/name}. */
final class RecordingHandler<T extends Resource> implements ResourceEventHandler<T> {
    private final List<String> events = new ArrayList<>();
    private long maxRevision = -1;

    @Override
    public synchronized void onAdd(T object) {
        events.add("add " + IndexedCache.key(object) + "@" + object.metadata().resourceVersion());
        seen(object);
    }

    @Override
    public synchronized void onUpdate(T oldObject, T newObject) {
        events.add("update " + IndexedCache.key(newObject) + "@" + oldObject.metadata().resourceVersion() + "->"
                + newObject.metadata().resourceVersion());
        seen(newObject);
    }

    @Override
    public synchronized void onDelete(T object) {
        events.add("delete " + IndexedCache.key(object));
        seen(object);
    }

    private void seen(T object) {
        maxRevision = Math.max(maxRevision, Long.parseLong(object.metadata().resourceVersion()));
        notifyAll();
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** Waits (bounded) until the handler was told of a change at {@code revision} or later. */
    synchronized List<String> awaitRevision(long revision) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (maxRevision < revision) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("handler never saw revision " + revision + "; saw " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(events);
    }

    /** Waits (bounded) until the handler was told {@code count} things. */
    synchronized List<String> awaitCount(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("handler got " + events + ", expected " + count + " events");
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(events);
    }
}
