package io.flotilla.core.store;

import io.flotilla.api.meta.Resource;

/**
 * Receives the events of a push-style watch, in revision order, on one delivery thread per watch (never on a
 * writer's thread). An {@code ERROR} event is the last one delivered. A listener that throws has the exception
 * logged and keeps receiving events.
 *
 * @param <T> the resource type
 */
@FunctionalInterface
public interface WatchListener<T extends Resource> {

    /** Handles one event; called by one thread at a time, in order. */
    void onEvent(WatchEvent<T> event);
}
