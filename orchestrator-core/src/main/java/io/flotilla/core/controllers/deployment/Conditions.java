package io.flotilla.core.controllers.deployment;

import io.flotilla.api.apps.DeploymentCondition;
import io.flotilla.api.apps.DeploymentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Deployment conditions and their reasons, with Kubernetes' update rules ({@code SetDeploymentCondition}). */
final class Conditions {
    static final String NEW_RS_CREATED = "NewReplicaSetCreated";
    static final String FOUND_NEW_RS = "FoundNewReplicaSet";
    static final String NEW_RS_AVAILABLE = "NewReplicaSetAvailable";
    static final String RS_UPDATED = "ReplicaSetUpdated";
    static final String TIMED_OUT = "ProgressDeadlineExceeded";
    static final String PAUSED = "DeploymentPaused";
    static final String RESUMED = "DeploymentResumed";
    static final String RS_CREATE_ERROR = "ReplicaSetCreateError";
    static final String MIN_AVAILABLE = "MinimumReplicasAvailable";
    static final String MIN_UNAVAILABLE = "MinimumReplicasUnavailable";

    private Conditions() {
    }

    static Optional<DeploymentCondition> get(DeploymentStatus status, String type) {
        return status == null ? Optional.empty() : status.condition(type);
    }

    /** A condition updated and transitioned at {@code now}. */
    static DeploymentCondition of(String type, String status, String reason, String message, Instant now) {
        return new DeploymentCondition(type, status, now, now, reason, message);
    }

    /**
     * {@code conditions} with {@code c} set: unchanged if one of its type has the same status and reason; otherwise
     * replaced, keeping the old transition time when the status did not change.
     */
    static List<DeploymentCondition> set(List<DeploymentCondition> conditions, DeploymentCondition c) {
        DeploymentCondition current = conditions.stream().filter(x -> x.type().equals(c.type())).findFirst()
                .orElse(null);
        if (current != null && Objects.equals(current.status(), c.status())
                && Objects.equals(current.reason(), c.reason())) {
            return conditions;
        }
        DeploymentCondition next = current != null && Objects.equals(current.status(), c.status())
                ? new DeploymentCondition(c.type(), c.status(), c.lastUpdateTime(), current.lastTransitionTime(),
                        c.reason(), c.message())
                : c;
        List<DeploymentCondition> out = new ArrayList<>(remove(conditions, c.type()));
        out.add(next);
        return out;
    }

    static List<DeploymentCondition> remove(List<DeploymentCondition> conditions, String type) {
        return conditions.stream().filter(x -> !x.type().equals(type)).toList();
    }

    /** {@code status} with other conditions. */
    static DeploymentStatus withConditions(DeploymentStatus status, List<DeploymentCondition> conditions) {
        DeploymentStatus s = status == null ? empty() : status;
        return new DeploymentStatus(s.observedGeneration(), s.replicas(), s.updatedReplicas(), s.readyReplicas(),
                s.availableReplicas(), s.unavailableReplicas(), conditions, s.collisionCount());
    }

    /** {@code status} with {@code c} set (see {@link #set}). */
    static DeploymentStatus withCondition(DeploymentStatus status, DeploymentCondition c) {
        return withConditions(status, set(status == null ? List.of() : status.conditions(), c));
    }

    static DeploymentStatus empty() {
        return new DeploymentStatus(null, null, null, null, null, null, List.of(), null);
    }
}
