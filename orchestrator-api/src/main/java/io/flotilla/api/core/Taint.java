package io.flotilla.api.core;

import java.time.Instant;
import java.util.List;

/**
 * A mark on a node that repels pods without a matching {@link Toleration}. Immutable.
 *
 * <pre>{@code
 * Taint.of("dedicated", "gpu", Taint.NO_SCHEDULE)
 * Taint.of("node.kubernetes.io/unreachable", null, Taint.NO_EXECUTE)
 * }</pre>
 *
 * @param key       the taint key, a qualified name; required
 * @param value     the taint value, a label value; may be {@code null}
 * @param effect    {@link #NO_SCHEDULE}, {@link #PREFER_NO_SCHEDULE} or {@link #NO_EXECUTE}; required
 * @param timeAdded when a {@link #NO_EXECUTE} taint was added, for eviction timing
 */
public record Taint(String key, String value, String effect, Instant timeAdded) {
    /** New pods are not scheduled on the node unless they tolerate the taint. */
    public static final String NO_SCHEDULE = "NoSchedule";
    /** The scheduler tries to avoid the node. */
    public static final String PREFER_NO_SCHEDULE = "PreferNoSchedule";
    /** Running pods that do not tolerate the taint are evicted. */
    public static final String NO_EXECUTE = "NoExecute";
    /** Every supported effect. */
    public static final List<String> EFFECTS = List.of(NO_EXECUTE, NO_SCHEDULE, PREFER_NO_SCHEDULE);

    /** The taint the node controller puts on nodes that are not ready. */
    public static final String NOT_READY = "node.kubernetes.io/not-ready";
    /** The taint the node controller puts on nodes that stopped reporting. */
    public static final String UNREACHABLE = "node.kubernetes.io/unreachable";
    /** The taint on cordoned ({@code spec.unschedulable}) nodes. */
    public static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

    /** A taint {@code key=value:effect} without a time. */
    public static Taint of(String key, String value, String effect) {
        return new Taint(key, value, effect, null);
    }

    /** A copy added at {@code time}. */
    public Taint withTimeAdded(Instant time) {
        return new Taint(key, value, effect, time);
    }

    /** Whether {@code toleration} tolerates this taint, by Kubernetes' matching rules. */
    public boolean isToleratedBy(Toleration toleration) {
        return toleration.tolerates(key, value, effect);
    }

    /** {@code key=value:effect}, as {@code kubectl taint} writes it. */
    @Override
    public String toString() {
        return key + (value == null || value.isEmpty() ? "" : "=" + value) + ":" + effect;
    }
}
