package io.flotilla.api.autoscaling;

/**
 * A resource metric (CPU or memory) of one container of the target's pods. Immutable.
 *
 * @param name      {@code cpu} or {@code memory}
 * @param target    the target value
 * @param container the container's name
 */
public record ContainerResourceMetricSource(String name, MetricTarget target, String container) {
}
