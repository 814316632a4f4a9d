package io.flotilla.api.core;

import java.time.Instant;
import java.util.List;

/**
 * One aspect of a node's health, as its agent reports it. Immutable; components are {@code null} when unset.
 *
 * @param type               {@link #READY}, {@link #MEMORY_PRESSURE}, {@link #DISK_PRESSURE}, {@link #PID_PRESSURE},
 *                           {@link #NETWORK_UNAVAILABLE} or a custom type
 * @param status             {@link #TRUE}, {@link #FALSE} or {@link #UNKNOWN}
 * @param lastHeartbeatTime  when the agent last reported this condition
 * @param lastTransitionTime when the status last changed
 * @param reason             why, as a CamelCase word such as {@code KubeletReady}
 * @param message            why, for humans
 */
public record NodeCondition(String type, String status, Instant lastHeartbeatTime, Instant lastTransitionTime,
                            String reason, String message) {
    /** The node is healthy and ready to accept pods. */
    public static final String READY = "Ready";
    /** The node is short of memory. */
    public static final String MEMORY_PRESSURE = "MemoryPressure";
    /** The node is short of disk. */
    public static final String DISK_PRESSURE = "DiskPressure";
    /** The node is short of process ids. */
    public static final String PID_PRESSURE = "PIDPressure";
    /** The node's network is not configured. */
    public static final String NETWORK_UNAVAILABLE = "NetworkUnavailable";
    /** The condition holds. */
    public static final String TRUE = "True";
    /** The condition does not hold. */
    public static final String FALSE = "False";
    /** The node's state is not known (it stopped reporting). */
    public static final String UNKNOWN = "Unknown";
    /** Every condition status. */
    public static final List<String> STATUSES = List.of(FALSE, TRUE, UNKNOWN);

    /** A condition {@code type=status} at {@code now}: heartbeat and transition times both {@code now}. */
    public static NodeCondition of(String type, String status, String reason, String message, Instant now) {
        return new NodeCondition(type, status, now, now, reason, message);
    }

    /** Whether the status is {@link #TRUE}. */
    public boolean isTrue() {
        return TRUE.equals(status);
    }
}
