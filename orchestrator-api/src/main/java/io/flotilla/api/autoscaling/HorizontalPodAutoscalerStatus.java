package io.flotilla.api.autoscaling;

import io.flotilla.api.apps.WorkloadCondition;
import io.flotilla.api.internal.Immutables;
import java.time.Instant;
import java.util.List;

/**
 * The observed state of a {@link HorizontalPodAutoscaler}. Immutable; values are {@code null} until observed, lists
 * are never {@code null}.
 *
 * @param observedGeneration the generation last acted on
 * @param lastScaleTime      when the replica count was last changed
 * @param currentReplicas    the target's current replicas
 * @param desiredReplicas    the replicas last computed
 * @param currentMetrics     the metrics' last values
 * @param conditions         {@code AbleToScale}, {@code ScalingActive} and {@code ScalingLimited}
 */
public record HorizontalPodAutoscalerStatus(Long observedGeneration, Instant lastScaleTime, Integer currentReplicas,
                                            Integer desiredReplicas, List<MetricStatus> currentMetrics,
                                            List<WorkloadCondition> conditions) {

    /** Normalises the lists. */
    public HorizontalPodAutoscalerStatus {
        currentMetrics = Immutables.list(currentMetrics);
        conditions = Immutables.list(conditions);
    }
}
