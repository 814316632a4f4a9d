package io.flotilla.core.controller;

import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import java.util.concurrent.CompletionStage;

/**
 * Where a {@link ControllerManager} gets resource events from: in Flotilla, the shared informers (list + watch
 * caches over the object store); in tests, an in-memory fake. One source serves many kinds.
 *
 * <p>Implementations are thread-safe, deliver events to each handler as {@link ResourceEventHandler} describes, and
 * for each kind complete {@link #synced} once the objects that existed when they started listing have been
 * delivered to the handlers registered by then. The manager starts a controller's workers only after every kind it
 * watches has synced, so a reconcile never acts on a half-filled cache.
 */
public interface EventSource {

    /**
     * Registers {@code handler} for changes to objects of {@code type}, starting the watch of that kind if needed.
     *
     * @param type    the kind; not {@code null}
     * @param handler the handler; not {@code null}
     * @param <T>     the resource type
     * @return a handle that unregisters the handler
     * @throws NullPointerException if an argument is {@code null}
     */
    <T extends Resource> Registration addHandler(ResourceType<T> type, ResourceEventHandler<? super T> handler);

    /**
     * Completes (normally) once the source has synced {@code type}; completes exceptionally if it never can (for
     * example the kind is unknown or the source was closed).
     *
     * @param type the kind; not {@code null}
     * @return a stage that completes once {@code type} has synced; may already be complete
     * @throws NullPointerException if {@code type} is {@code null}
     */
    CompletionStage<Void> synced(ResourceType<?> type);

    /** A registered handler; {@link #remove()} unregisters it. Thread-safe and idempotent. */
    @FunctionalInterface
    interface Registration {
        /** Stops delivering events to the handler. */
        void remove();
    }
}
