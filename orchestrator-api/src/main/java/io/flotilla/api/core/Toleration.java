package io.flotilla.api.core;

import java.util.List;
import java.util.Objects;

/**
 * Lets a pod be scheduled on (or stay on) nodes with a matching taint. Immutable.
 *
 * <pre>{@code
 * Toleration.exists("dedicated")                                 // any value, any effect
 * Toleration.equal("dedicated", "gpu", Toleration.NO_SCHEDULE)
 * }</pre>
 *
 * @param key               the taint key; empty or {@code null} with {@link #EXISTS} matches every taint
 * @param operator          {@link #EQUAL} (default) or {@link #EXISTS}
 * @param value             the taint value for {@link #EQUAL}; must be empty for {@link #EXISTS}
 * @param effect            the taint effect to match; empty or {@code null} matches every effect
 * @param tolerationSeconds how long a pod stays bound after a {@link #NO_EXECUTE} taint appears; {@code null} means
 *                          forever
 */
public record Toleration(String key, String operator, String value, String effect, Long tolerationSeconds) {

    /** Matches a taint with an equal value (the default operator). */
    public static final String EQUAL = "Equal";
    /** Matches a taint with any value. */
    public static final String EXISTS = "Exists";
    /** Every supported operator. */
    public static final List<String> OPERATORS = List.of(EQUAL, EXISTS);
    /** New pods are not scheduled on the node. */
    public static final String NO_SCHEDULE = "NoSchedule";
    /** The scheduler avoids the node. */
    public static final String PREFER_NO_SCHEDULE = "PreferNoSchedule";
    /** Running pods are evicted from the node. */
    public static final String NO_EXECUTE = "NoExecute";
    /** Every supported effect. */
    public static final List<String> EFFECTS = List.of(NO_SCHEDULE, PREFER_NO_SCHEDULE, NO_EXECUTE);

    /** Tolerates every taint with key {@code key}, whatever its value and effect. */
    public static Toleration exists(String key) {
        return new Toleration(key, EXISTS, null, null, null);
    }

    /** Tolerates taints {@code key=value:effect}; a {@code null} effect matches every effect. */
    public static Toleration equal(String key, String value, String effect) {
        return new Toleration(key, EQUAL, value, effect, null);
    }

    /** A copy that stays bound for {@code seconds} after a matching {@link #NO_EXECUTE} taint appears. */
    public Toleration withTolerationSeconds(Long seconds) {
        return new Toleration(key, operator, value, effect, seconds);
    }

    /**
     * Whether this toleration tolerates the taint {@code key=value:effect}, by Kubernetes' rules: the effects match
     * (or this one's is empty), the keys match (or this one's is empty with {@code Exists}), and with {@code Equal}
     * (or no operator) the values are equal, an absent value counting as empty.
     *
     * @param taintKey    the taint's key, never {@code null}
     * @param taintValue  the taint's value, may be {@code null}
     * @param taintEffect the taint's effect, never {@code null}
     */
    public boolean tolerates(String taintKey, String taintValue, String taintEffect) {
        if (!isEmpty(effect) && !effect.equals(taintEffect)) {
            return false;
        }
        if (!isEmpty(key) && !key.equals(taintKey)) {
            return false;
        }
        String op = isEmpty(operator) ? EQUAL : operator;
        return switch (op) {
            case EXISTS -> true;
            case EQUAL -> !isEmpty(key) && Objects.equals(empty(value), empty(taintValue));
            default -> false;
        };
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    private static String empty(String s) {
        return s == null ? "" : s;
    }
}
