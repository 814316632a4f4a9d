package io.flotilla.api.autoscaling;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * How an autoscaler scales in one direction. Immutable; the list is never {@code null}, other {@code null}
 * components are unset.
 *
 * @param stabilizationWindowSeconds how far back past recommendations are considered, 0 to 3600
 * @param selectPolicy               {@link #MAX}, {@link #MIN} or {@link #DISABLED}: which policy wins
 * @param policies                   the bounds on the change
 */
public record ScalingRules(Integer stabilizationWindowSeconds, String selectPolicy, List<ScalingPolicy> policies) {

    /** The policy allowing the largest change wins. */
    public static final String MAX = "Max";
    /** The policy allowing the smallest change wins. */
    public static final String MIN = "Min";
    /** Scaling in this direction is off. */
    public static final String DISABLED = "Disabled";
    /** The supported policy selections. */
    public static final List<String> SELECT_POLICIES = List.of(MAX, MIN, DISABLED);

    /** Normalises the policies. */
    public ScalingRules {
        policies = Immutables.list(policies);
    }
}
