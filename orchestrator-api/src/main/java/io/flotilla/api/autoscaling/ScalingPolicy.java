package io.flotilla.api.autoscaling;

import java.util.List;

/**
 * A bound on how fast an autoscaler may change the replica count. Immutable.
 *
 * @param type          {@link #PODS} (an absolute number) or {@link #PERCENT} (of the current replicas)
 * @param value         the number of pods or percent
 * @param periodSeconds the window the bound applies to, at most 1800
 */
public record ScalingPolicy(String type, Integer value, Integer periodSeconds) {

    /** An absolute number of pods. */
    public static final String PODS = "Pods";
    /** A percentage of the current replicas. */
    public static final String PERCENT = "Percent";
    /** The supported types. */
    public static final List<String> TYPES = List.of(PODS, PERCENT);

    /** At most {@code pods} pods per {@code periodSeconds}. */
    public static ScalingPolicy pods(int pods, int periodSeconds) {
        return new ScalingPolicy(PODS, pods, periodSeconds);
    }

    /** At most {@code percent}% of the current replicas per {@code periodSeconds}. */
    public static ScalingPolicy percent(int percent, int periodSeconds) {
        return new ScalingPolicy(PERCENT, percent, periodSeconds);
    }
}
