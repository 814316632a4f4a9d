package io.flotilla.api.autoscaling;

import java.util.List;

/**
 * A resource metric (CPU or memory) of the target's pods, as the metrics pipeline reports it. Immutable.
 *
 * @param name   {@link #CPU} or {@link #MEMORY}
 * @param target the target value
 */
public record ResourceMetricSource(String name, MetricTarget target) {

    /** The CPU resource. */
    public static final String CPU = "cpu";
    /** The memory resource. */
    public static final String MEMORY = "memory";
    /** The resources Flotilla can scale on. */
    public static final List<String> NAMES = List.of(CPU, MEMORY);
}
