/**
 * The HorizontalPodAutoscaler controller ({@code autoscaling/v2}, {@code cpu} and {@code memory} resource metrics
 * with {@code Utilization} or {@code AverageValue} targets), after Kubernetes' {@code podautoscaler}: every sync
 * period it reads per-pod usage from a {@link io.flotilla.core.controllers.hpa.PodMetricsSource}, computes
 * {@code ceil(current × currentMetric / target)} with the 10% tolerance and Kubernetes' conservative handling of
 * missing metrics and unready pods, stabilizes and rate-limits the recommendation (the scale-down window, or the
 * {@code behavior} policies), writes {@code spec.replicas} of the target and reports status and conditions.
 */
package io.flotilla.core.controllers.hpa;
