package io.flotilla.api.autoscaling;

import io.flotilla.api.meta.Quantity;

/**
 * The current value of a metric. Immutable; components are {@code null} when not measured.
 *
 * @param value              the value of the metric
 * @param averageValue       the value averaged over the pods
 * @param averageUtilization the average, in percent of the pods' resource requests
 */
public record MetricValueStatus(Quantity value, Quantity averageValue, Integer averageUtilization) {
}
