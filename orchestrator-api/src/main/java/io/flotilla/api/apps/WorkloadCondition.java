package io.flotilla.api.apps;

import java.time.Instant;

/**
 * One condition of a workload's status, shared by ReplicaSet, StatefulSet, DaemonSet and HorizontalPodAutoscaler,
 * whose conditions have the same fields. (A Deployment's condition also has {@code lastUpdateTime}: see
 * {@link DeploymentCondition}.) Immutable; every component may be {@code null}.
 *
 * @param type               the condition type, such as {@code ReplicaFailure} or {@code AbleToScale}
 * @param status             {@code True}, {@code False} or {@code Unknown}
 * @param lastTransitionTime when the status last changed
 * @param reason             a one-word CamelCase reason for the last transition
 * @param message            a human-readable explanation
 */
public record WorkloadCondition(String type, String status, Instant lastTransitionTime, String reason,
                                String message) {

    /** Condition status {@code True}. */
    public static final String TRUE = "True";
    /** Condition status {@code False}. */
    public static final String FALSE = "False";
    /** Condition status {@code Unknown}. */
    public static final String UNKNOWN = "Unknown";

    /** Whether the status is {@code True}. */
    public boolean isTrue() {
        return TRUE.equals(status);
    }
}
