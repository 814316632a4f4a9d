package io.flotilla.core.controller;

import io.flotilla.api.controller.Request;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * An in-memory {@link EventSource} for tests: the test creates, updates and deletes objects and decides when each
 * kind has synced. Events are delivered synchronously on the calling thread, so once a call returns its keys are
 * queued. A handler added late receives an add for every object already known, as informers do. Thread-safe.
 */
final class FakeEventSource implements EventSource {
    private final Map<ResourceType<?>, List<ResourceEventHandler<?>>> handlers = new HashMap<>();
    private final Map<ResourceType<?>, CompletableFuture<Void>> synced = new HashMap<>();
    private final Map<ResourceType<?>, Map<Request, Resource>> objects = new HashMap<>();

    @Override
    public synchronized <T extends Resource> Registration addHandler(ResourceType<T> type,
                                                                     ResourceEventHandler<? super T> handler) {
        handlers.computeIfAbsent(type, t -> new ArrayList<>()).add(handler);
        objectsOf(type).values().forEach(object -> handler.onAdd(type.javaType().cast(object)));
        return () -> {
            synchronized (this) {
                handlers.get(type).remove(handler);
            }
        };
    }

    @Override
    public synchronized CompletionStage<Void> synced(ResourceType<?> type) {
        return future(type);
    }

    synchronized void markSynced(ResourceType<?>... types) {
        for (ResourceType<?> type : types) {
            future(type).complete(null);
        }
    }

    synchronized void failSync(ResourceType<?> type, Throwable failure) {
        future(type).completeExceptionally(failure);
    }

    synchronized int handlerCount(ResourceType<?> type) {
        return handlers.getOrDefault(type, List.of()).size();
    }

    synchronized void create(Resource object) {
        objectsOf(object.type()).put(Request.of(object), object);
        forEachHandler(object, handler -> handler.onAdd(object));
    }

    synchronized void update(Resource object) {
        Resource old = objectsOf(object.type()).put(Request.of(object), object);
        if (old == null) {
            throw new IllegalStateException("no such object: " + Request.of(object));
        }
        forEachHandler(object, handler -> handler.onUpdate(old, object));
    }

    synchronized void delete(Resource object) {
        Resource old = objectsOf(object.type()).remove(Request.of(object));
        forEachHandler(object, handler -> handler.onDelete(old == null ? object : old));
    }

    private CompletableFuture<Void> future(ResourceType<?> type) {
        return synced.computeIfAbsent(type, t -> new CompletableFuture<>());
    }

    private Map<Request, Resource> objectsOf(ResourceType<?> type) {
        return objects.computeIfAbsent(type, t -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private void forEachHandler(Resource object, Consumer<ResourceEventHandler<Resource>> action) {
        for (ResourceEventHandler<?> handler : List.copyOf(handlers.getOrDefault(object.type(), List.of()))) {
            action.accept((ResourceEventHandler<Resource>) handler);
        }
    }
}
