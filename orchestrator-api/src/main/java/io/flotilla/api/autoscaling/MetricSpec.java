package io.flotilla.api.autoscaling;

import java.util.List;

/**
 * One metric an autoscaler scales on. Immutable; exactly the source that matches {@code type} is set.
 *
 * @param type              {@link #RESOURCE} or {@link #CONTAINER_RESOURCE}
 * @param resource          the resource metric, for {@code Resource}
 * @param containerResource the container resource metric, for {@code ContainerResource}
 */
public record MetricSpec(String type, ResourceMetricSource resource, ContainerResourceMetricSource containerResource) {

    /** A resource of the whole pods. */
    public static final String RESOURCE = "Resource";
    /** A resource of one container of the pods. */
    public static final String CONTAINER_RESOURCE = "ContainerResource";
    /** The metric source types Flotilla supports. */
    public static final List<String> TYPES = List.of(CONTAINER_RESOURCE, RESOURCE);

    /** A resource metric: {@code resource("cpu", MetricTarget.utilization(70))}. */
    public static MetricSpec resource(String name, MetricTarget target) {
        return new MetricSpec(RESOURCE, new ResourceMetricSource(name, target), null);
    }
}
