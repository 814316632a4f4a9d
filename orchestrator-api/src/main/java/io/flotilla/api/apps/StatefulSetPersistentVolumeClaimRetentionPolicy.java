package io.flotilla.api.apps;

import java.util.List;

/**
 * What happens to the claims made from a StatefulSet's {@code volumeClaimTemplates} when the set is deleted or
 * scaled down. Immutable; {@code null} components are unset (default {@code Retain}).
 *
 * @param whenDeleted {@link #RETAIN} or {@link #DELETE}, when the StatefulSet is deleted
 * @param whenScaled  {@link #RETAIN} or {@link #DELETE}, when it is scaled down
 */
public record StatefulSetPersistentVolumeClaimRetentionPolicy(String whenDeleted, String whenScaled) {

    /** Keep the claims. */
    public static final String RETAIN = "Retain";
    /** Delete the claims. */
    public static final String DELETE = "Delete";
    /** The supported values. */
    public static final List<String> POLICIES = List.of(RETAIN, DELETE);
}
