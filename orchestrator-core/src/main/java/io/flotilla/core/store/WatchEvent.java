package io.flotilla.core.store;

import io.flotilla.api.meta.Resource;
import java.util.Objects;

/**
 * One event of a {@link Watch}, as Kubernetes' watch events. Immutable.
 *
 * <ul>
 *   <li>{@code ADDED}, {@code MODIFIED}: {@code object} is the new state, {@code revision} its resourceVersion.</li>
 *   <li>{@code DELETED}: {@code object} is the last state, stamped with the deletion's revision; also sent when an
 *       object stops matching the watch's selectors.</li>
 *   <li>{@code BOOKMARK}: no object; the watcher has seen every change up to {@code revision}, so it may resume
 *       from there.</li>
 *   <li>{@code ERROR}: terminal; {@code error} says why (usually {@link StoreException.Gone}: list again and watch
 *       from the list's revision).</li>
 * </ul>
 *
 * @param type     the event type
 * @param object   the object, {@code null} for BOOKMARK and ERROR
 * @param revision the store revision of the event (for ERROR, the last revision the watcher processed)
 * @param error    the cause of an ERROR event, else {@code null}
 * @param <T>      the resource type
 */
public record WatchEvent<T extends Resource>(Type type, T object, long revision, StoreException error) {

    /** The kinds of event. */
    public enum Type { ADDED, MODIFIED, DELETED, BOOKMARK, ERROR }

    /** Checks the components. */
    public WatchEvent {
        Objects.requireNonNull(type, "type");
        if ((object == null) != (type == Type.BOOKMARK || type == Type.ERROR)) {
            throw new IllegalArgumentException(type + " event " + (object == null ? "needs" : "takes no") + " object");
        }
        if ((error == null) == (type == Type.ERROR)) {
            throw new IllegalArgumentException("only ERROR events carry an error");
        }
    }

    /** An ADDED, MODIFIED or DELETED event. */
    public static <T extends Resource> WatchEvent<T> of(Type type, T object, long revision) {
        return new WatchEvent<>(type, object, revision, null);
    }

    /** A BOOKMARK event at {@code revision}. */
    public static <T extends Resource> WatchEvent<T> bookmark(long revision) {
        return new WatchEvent<>(Type.BOOKMARK, null, revision, null);
    }

    /** A terminal ERROR event. */
    public static <T extends Resource> WatchEvent<T> error(StoreException error, long revision) {
        return new WatchEvent<>(Type.ERROR, null, revision, Objects.requireNonNull(error, "error"));
    }

    /** Whether this event ends the watch. */
    public boolean isTerminal() {
        return type == Type.ERROR;
    }
}
