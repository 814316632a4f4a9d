package io.flotilla.api.autoscaling;

import io.flotilla.api.meta.Quantity;
import java.util.List;

/**
 * The target value of a metric. Immutable; exactly the field that matches {@code type} is set.
 *
 * @param type               {@link #UTILIZATION}, {@link #VALUE} or {@link #AVERAGE_VALUE}
 * @param value              the target value of the metric, for {@code Value}
 * @param averageValue       the target value of the metric averaged over the pods, for {@code AverageValue}
 * @param averageUtilization the target average, in percent of the pods' resource requests, for
 *                           {@code Utilization}
 */
public record MetricTarget(String type, Quantity value, Quantity averageValue, Integer averageUtilization) {

    /** A percentage of the pods' requests. */
    public static final String UTILIZATION = "Utilization";
    /** An absolute value. */
    public static final String VALUE = "Value";
    /** An absolute value averaged over the pods. */
    public static final String AVERAGE_VALUE = "AverageValue";
    /** The supported types. */
    public static final List<String> TYPES = List.of(UTILIZATION, VALUE, AVERAGE_VALUE);

    /** A target of {@code percent} percent of the pods' requests. */
    public static MetricTarget utilization(int percent) {
        return new MetricTarget(UTILIZATION, null, null, percent);
    }

    /** A target average per pod, such as {@code 512Mi}. */
    public static MetricTarget averageValue(Quantity value) {
        return new MetricTarget(AVERAGE_VALUE, null, value, null);
    }
}
