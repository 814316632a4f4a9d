package io.flotilla.api.core;

import java.time.Instant;
import java.util.List;

/**
 * One aspect of a pod's state, such as {@code Ready=True}. Immutable.
 *
 * @param type               {@link #READY}, {@link #POD_SCHEDULED} and so on
 * @param status             {@link #TRUE}, {@link #FALSE} or {@link #UNKNOWN}
 * @param lastProbeTime      when the condition was last checked
 * @param lastTransitionTime when the status last changed
 * @param reason             a CamelCase reason for the last transition
 * @param message            a human-readable explanation
 */
public record PodCondition(String type, String status, Instant lastProbeTime, Instant lastTransitionTime,
                           String reason, String message) {

    /** The pod is bound to a node. */
    public static final String POD_SCHEDULED = "PodScheduled";
    /** Every init container has succeeded. */
    public static final String INITIALIZED = "Initialized";
    /** Every container is ready. */
    public static final String CONTAINERS_READY = "ContainersReady";
    /** The pod can serve requests and is added to Service endpoints. */
    public static final String READY = "Ready";
    /** The pod's sandbox and network are set up. */
    public static final String POD_READY_TO_START_CONTAINERS = "PodReadyToStartContainers";
    /** The pod is about to be terminated because of a disruption. */
    public static final String DISRUPTION_TARGET = "DisruptionTarget";
    /** Condition status true. */
    public static final String TRUE = "True";
    /** Condition status false. */
    public static final String FALSE = "False";
    /** Condition status unknown. */
    public static final String UNKNOWN = "Unknown";
    /** Every condition status. */
    public static final List<String> STATUSES = List.of(TRUE, FALSE, UNKNOWN);
    /** The reason the scheduler gives when no node fits. */
    public static final String REASON_UNSCHEDULABLE = "Unschedulable";

    /** A condition of {@code type} with {@code status} that changed at {@code at}. */
    public static PodCondition of(String type, String status, Instant at) {
        return new PodCondition(type, status, null, at, null, null);
    }

    /** Whether the status is {@link #TRUE}. */
    public boolean isTrue() {
        return TRUE.equals(status);
    }
}
