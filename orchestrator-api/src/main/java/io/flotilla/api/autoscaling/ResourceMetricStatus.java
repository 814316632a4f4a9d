package io.flotilla.api.autoscaling;

/**
 * The current value of a resource metric. Immutable.
 *
 * @param name    the resource, such as {@code cpu}
 * @param current the value
 */
public record ResourceMetricStatus(String name, MetricValueStatus current) {
}
