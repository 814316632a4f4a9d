package io.flotilla.api.autoscaling;

/**
 * The current value of a container resource metric. Immutable.
 *
 * @param name      the resource, such as {@code cpu}
 * @param current   the value
 * @param container the container's name
 */
public record ContainerResourceMetricStatus(String name, MetricValueStatus current, String container) {
}
