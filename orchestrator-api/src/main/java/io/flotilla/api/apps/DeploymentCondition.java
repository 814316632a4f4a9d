package io.flotilla.api.apps;

import java.time.Instant;

/**
 * One condition of a {@link DeploymentStatus}: {@code Available}, {@code Progressing} or {@code ReplicaFailure}.
 * Immutable; every component may be {@code null}.
 *
 * @param type               the condition type
 * @param status             {@code True}, {@code False} or {@code Unknown}
 * @param lastUpdateTime     when the condition was last probed or updated
 * @param lastTransitionTime when the status last changed
 * @param reason             a one-word CamelCase reason, such as {@code NewReplicaSetAvailable}
 * @param message            a human-readable explanation
 */
public record DeploymentCondition(String type, String status, Instant lastUpdateTime, Instant lastTransitionTime,
                                  String reason, String message) {

    /** The Deployment has at least {@code replicas - maxUnavailable} available pods. */
    public static final String AVAILABLE = "Available";
    /** The rollout makes progress, or has finished. */
    public static final String PROGRESSING = "Progressing";
    /** A pod could not be created or deleted. */
    public static final String REPLICA_FAILURE = "ReplicaFailure";

    /** Whether the status is {@code True}. */
    public boolean isTrue() {
        return WorkloadCondition.TRUE.equals(status);
    }
}
