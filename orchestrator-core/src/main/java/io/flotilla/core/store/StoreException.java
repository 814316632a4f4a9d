package io.flotilla.core.store;

import io.flotilla.api.meta.ResourceType;

/**
 * The failures of an {@link ObjectStore} operation, with messages worded as the Kubernetes API server words them.
 * A failed operation leaves the store unchanged. These are expected outcomes (a compare-and-swap loop meets
 * {@link Conflict} routinely), so they carry no stack trace.
 */
public abstract sealed class StoreException extends RuntimeException {

    private StoreException(String message) {
        super(message, null, false, false);
    }

    /**
     * A {@link NotFound} for an object that callers above the store (such as the API layer) found missing.
     *
     * @param type the object's kind
     * @param name the object's name
     */
    public static NotFound notFound(ResourceType<?> type, String name) {
        return new NotFound(type, name);
    }

    /** The resource as errors name it: the plural qualified by group, such as {@code deployments.apps}. */
    public static String resource(ResourceType<?> type) {
        return type.group().isEmpty() ? type.plural() : type.plural() + "." + type.group();
    }

    /** The object does not exist: {@code pods "web-0" not found}. */
    public static final class NotFound extends StoreException {
        NotFound(ResourceType<?> type, String name) {
            super(resource(type) + " \"" + name + "\" not found");
        }
    }

    /** An object with the same kind, namespace and name exists: {@code pods "web-0" already exists}. */
    public static final class AlreadyExists extends StoreException {
        AlreadyExists(ResourceType<?> type, String name) {
            super(resource(type) + " \"" + name + "\" already exists");
        }
    }

    /**
     * The object changed since the caller read it, or a precondition failed:
     * {@code Operation cannot be fulfilled on pods "web-0": the object has been modified; ...}. Read the latest
     * version and retry.
     */
    public static final class Conflict extends StoreException {
        Conflict(ResourceType<?> type, String name, String reason) {
            super("Operation cannot be fulfilled on " + resource(type) + " \"" + name + "\": " + reason);
        }

        static Conflict modified(ResourceType<?> type, String name) {
            return new Conflict(type, name, "the object has been modified; please apply your changes to the latest"
                    + " version and try again");
        }
    }

    /**
     * The requested revision is older than the retained history (HTTP 410 in Kubernetes): list again and watch from
     * the list's revision.
     */
    public static final class Gone extends StoreException {
        Gone(long requested, long oldest) {
            super("too old resource version: " + requested + " (" + oldest + ")");
        }

        Gone(String message) {
            super(message);
        }
    }

    /** The requested revision is newer than the store's current revision. */
    public static final class TooLargeResourceVersion extends StoreException {
        TooLargeResourceVersion(long requested, long current) {
            super("Too large resource version: " + requested + ", current: " + current);
        }
    }
}
