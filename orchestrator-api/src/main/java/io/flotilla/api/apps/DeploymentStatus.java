package io.flotilla.api.apps;

import io.flotilla.api.internal.Immutables;
import java.util.List;
import java.util.Optional;

/**
 * The observed state of a {@link Deployment}. Immutable; counts are {@code null} when not yet observed, the
 * conditions list is never {@code null}.
 *
 * @param observedGeneration  the generation last acted on
 * @param replicas            pods of all its ReplicaSets
 * @param updatedReplicas     pods of the current template
 * @param readyReplicas       pods that are ready
 * @param availableReplicas   pods ready for at least {@code minReadySeconds}
 * @param unavailableReplicas pods still needed for 100% availability
 * @param conditions          current conditions
 * @param collisionCount      bumped when a template hash collides, to make a new name
 */
public record DeploymentStatus(Long observedGeneration, Integer replicas, Integer updatedReplicas,
                               Integer readyReplicas, Integer availableReplicas, Integer unavailableReplicas,
                               List<DeploymentCondition> conditions, Integer collisionCount) {

    /** Normalises the conditions. */
    public DeploymentStatus {
        conditions = Immutables.list(conditions);
    }

    /** The condition of this type, if present. */
    public Optional<DeploymentCondition> condition(String type) {
        return conditions.stream().filter(c -> type.equals(c.type())).findFirst();
    }
}
