package io.flotilla.api.apps;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * The observed state of a {@link StatefulSet}. Immutable; values are {@code null} when not yet observed, the
 * conditions list is never {@code null}.
 *
 * @param observedGeneration the generation last acted on
 * @param replicas           pods created
 * @param readyReplicas      pods that are ready
 * @param currentReplicas    pods of {@code currentRevision}
 * @param updatedReplicas    pods of {@code updateRevision}
 * @param currentRevision    the revision that made pods {@code [0, currentReplicas)}
 * @param updateRevision     the revision that makes pods {@code [replicas - updatedReplicas, replicas)}
 * @param collisionCount     bumped when a revision hash collides, to make a new name
 * @param conditions         current conditions
 * @param availableReplicas  pods ready for at least {@code minReadySeconds}
 */
public record StatefulSetStatus(Long observedGeneration, Integer replicas, Integer readyReplicas,
                                Integer currentReplicas, Integer updatedReplicas, String currentRevision,
                                String updateRevision, Integer collisionCount, List<WorkloadCondition> conditions,
                                Integer availableReplicas) {

    /** Normalises the conditions. */
    public StatefulSetStatus {
        conditions = Immutables.list(conditions);
    }
}
