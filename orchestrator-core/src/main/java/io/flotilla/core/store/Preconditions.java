package io.flotilla.core.store;

/**
 * Conditions a delete must meet, as Kubernetes' {@code DeleteOptions.preconditions}: the stored object must have
 * this uid and/or this resourceVersion. Immutable.
 *
 * @param uid             the required {@code metadata.uid}, or {@code null} for any
 * @param resourceVersion the required {@code metadata.resourceVersion}, or {@code null} for any
 */
public record Preconditions(String uid, String resourceVersion) {

    /** No conditions. */
    public static final Preconditions NONE = new Preconditions(null, null);

    /** Requires the object's uid. */
    public static Preconditions uid(String uid) {
        return new Preconditions(uid, null);
    }

    /** Requires the object's resourceVersion. */
    public static Preconditions resourceVersion(String resourceVersion) {
        return new Preconditions(null, resourceVersion);
    }
}
