package io.flotilla.api.core;

import io.flotilla.api.meta.LabelSelector;
import java.util.List;

/**
 * Spreads matching pods evenly across the domains of a node label. Immutable.
 *
 * @param maxSkew           the largest allowed difference in matching pods between two domains, at least 1
 * @param topologyKey       the node label that defines domains, such as {@code topology.kubernetes.io/zone}
 * @param whenUnsatisfiable {@link #DO_NOT_SCHEDULE} or {@link #SCHEDULE_ANYWAY}
 * @param labelSelector     the pods counted
 * @param minDomains        the least number of eligible domains, or {@code null}
 */
public record TopologySpreadConstraint(Integer maxSkew, String topologyKey, String whenUnsatisfiable,
                                       LabelSelector labelSelector, Integer minDomains) {

    /** A hard constraint: the scheduler will not place a pod that breaks it. */
    public static final String DO_NOT_SCHEDULE = "DoNotSchedule";
    /** A soft constraint: the scheduler prefers placements that reduce skew. */
    public static final String SCHEDULE_ANYWAY = "ScheduleAnyway";
    /** Every supported value of {@code whenUnsatisfiable}. */
    public static final List<String> WHEN_UNSATISFIABLE = List.of(DO_NOT_SCHEDULE, SCHEDULE_ANYWAY);

    /** A hard constraint with {@code maxSkew} over {@code topologyKey} for pods matching {@code labelSelector}. */
    public static TopologySpreadConstraint of(int maxSkew, String topologyKey, LabelSelector labelSelector) {
        return new TopologySpreadConstraint(maxSkew, topologyKey, DO_NOT_SCHEDULE, labelSelector, null);
    }
}
