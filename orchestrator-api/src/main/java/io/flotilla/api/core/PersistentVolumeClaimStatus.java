package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.Quantity;
import java.util.List;
import java.util.Map;

/**
 * The observed state of a PersistentVolumeClaim. Immutable; collections are never {@code null}.
 *
 * @param phase       {@link #PENDING}, {@link #BOUND} or {@link #LOST}; {@code null} before the binder has seen it
 * @param accessModes the access modes of the bound volume
 * @param capacity    the capacity of the bound volume
 */
public record PersistentVolumeClaimStatus(String phase, List<String> accessModes, Map<String, Quantity> capacity) {
    /** Not yet bound to a volume. */
    public static final String PENDING = "Pending";
    /** Bound to a volume. */
    public static final String BOUND = "Bound";
    /** Bound to a volume that no longer exists. */
    public static final String LOST = "Lost";
    /** Every phase. */
    public static final List<String> PHASES = List.of(PENDING, BOUND, LOST);

    /** Normalises absent collections. */
    public PersistentVolumeClaimStatus {
        accessModes = Immutables.list(accessModes);
        capacity = Immutables.map(capacity);
    }

    /** A status in {@code phase} with nothing else set. */
    public static PersistentVolumeClaimStatus of(String phase) {
        return new PersistentVolumeClaimStatus(phase, List.of(), Map.of());
    }
}
