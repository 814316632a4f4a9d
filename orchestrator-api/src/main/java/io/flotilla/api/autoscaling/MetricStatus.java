package io.flotilla.api.autoscaling;

/**
 * The current value of one metric of an autoscaler. Immutable; the status matching {@code type} is set.
 *
 * @param type              {@code Resource} or {@code ContainerResource}
 * @param resource          the resource metric's value
 * @param containerResource the container resource metric's value
 */
public record MetricStatus(String type, ResourceMetricStatus resource,
                           ContainerResourceMetricStatus containerResource) {
}
