package io.flotilla.api.apps;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * The observed state of a {@link ReplicaSet}. Immutable; counts are {@code null} when not yet observed, the
 * conditions list is never {@code null}.
 *
 * @param replicas             pods currently owned
 * @param fullyLabeledReplicas pods whose labels match the template's labels
 * @param readyReplicas        pods that are ready
 * @param availableReplicas    pods ready for at least {@code minReadySeconds}
 * @param observedGeneration   the generation last acted on
 * @param conditions           current conditions
 */
public record ReplicaSetStatus(Integer replicas, Integer fullyLabeledReplicas, Integer readyReplicas,
                               Integer availableReplicas, Long observedGeneration,
                               List<WorkloadCondition> conditions) {

    /** Normalises the conditions. */
    public ReplicaSetStatus {
        conditions = Immutables.list(conditions);
    }
}
