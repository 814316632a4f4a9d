package io.flotilla.api.autoscaling;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * The desired state of a {@link HorizontalPodAutoscaler}. Immutable; the list is never {@code null}, other
 * {@code null} components are unset ({@code minReplicas} 1, 80% CPU when no metric is given).
 *
 * @param scaleTargetRef the workload to scale
 * @param minReplicas    the fewest replicas, at least 1
 * @param maxReplicas    the most replicas, at least {@code minReplicas}
 * @param metrics        the metrics to keep near their targets; the largest recommendation wins
 * @param behavior       how fast to scale in each direction
 */
public record HorizontalPodAutoscalerSpec(CrossVersionObjectReference scaleTargetRef, Integer minReplicas,
                                          Integer maxReplicas, List<MetricSpec> metrics,
                                          HorizontalPodAutoscalerBehavior behavior) {

    /** Normalises the metrics. */
    public HorizontalPodAutoscalerSpec {
        metrics = Immutables.list(metrics);
    }
}
