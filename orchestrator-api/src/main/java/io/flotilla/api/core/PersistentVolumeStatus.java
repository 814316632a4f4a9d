package io.flotilla.api.core;

import java.time.Instant;
import java.util.List;

/**
 * The observed state of a PersistentVolume. Immutable; components are {@code null} when unset.
 *
 * @param phase                   one of {@link #PHASES}
 * @param message                 why the volume is in this phase, for humans
 * @param reason                  why, as a CamelCase word
 * @param lastPhaseTransitionTime when the phase last changed
 */
public record PersistentVolumeStatus(String phase, String message, String reason, Instant lastPhaseTransitionTime) {
    /** Not yet available (being provisioned). */
    public static final String PENDING = "Pending";
    /** Free, waiting for a claim. */
    public static final String AVAILABLE = "Available";
    /** Bound to a claim. */
    public static final String BOUND = "Bound";
    /** Its claim was deleted; the volume awaits reclamation. */
    public static final String RELEASED = "Released";
    /** Automatic reclamation failed. */
    public static final String FAILED = "Failed";
    /** Every phase. */
    public static final List<String> PHASES = List.of(AVAILABLE, BOUND, FAILED, PENDING, RELEASED);

    /** A status in {@code phase} with nothing else set. */
    public static PersistentVolumeStatus of(String phase) {
        return new PersistentVolumeStatus(phase, null, null, null);
    }
}
