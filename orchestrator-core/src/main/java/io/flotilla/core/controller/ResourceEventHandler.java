package io.flotilla.core.controller;

import io.flotilla.api.meta.Resource;

/**
 * Receives the changes an {@link EventSource} sees for one kind, as client-go's {@code ResourceEventHandler}.
 *
 * <p>A source calls one handler for one kind serially, in the order the changes happened. Handlers must return
 * quickly and must not block: the controller manager's handlers only add keys to a work queue.
 *
 * @param <T> the resource type
 */
public interface ResourceEventHandler<T extends Resource> {

    /**
     * An object appeared: it was created, or it existed when the source started listing, or the handler was added
     * after the source had synced (then every object already known is replayed as an add).
     *
     * @param object the object; never {@code null}
     */
    void onAdd(T object);

    /**
     * An object changed. A periodic resync may deliver an update whose old and new objects are equal.
     *
     * @param oldObject the last version the source had seen; never {@code null}
     * @param newObject the new version; never {@code null}
     */
    void onUpdate(T oldObject, T newObject);

    /**
     * An object was deleted.
     *
     * @param object the last version the source had seen (which may be older than the deleted one if the source
     *               missed changes); never {@code null}
     */
    void onDelete(T object);
}
