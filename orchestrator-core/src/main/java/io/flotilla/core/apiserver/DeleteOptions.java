package io.flotilla.core.apiserver;

import io.flotilla.core.store.Preconditions;
import java.util.Objects;

/**
 * How to delete, as Kubernetes' {@code DeleteOptions}. Immutable; start from {@link #background()},
 * {@link #foreground()} or {@link #orphan()} and refine with the {@code with*} methods.
 *
 * @param propagationPolicy  what happens to dependents; {@code null} means the object's own choice: Foreground or
 *                           Orphan if it already carries that finalizer, else Background
 * @param preconditions      the uid and/or resourceVersion the stored object must have, never {@code null}
 * @param gracePeriodSeconds for kinds with graceful deletion (Pods bound to a node), how long the object may take
 *                           to stop; {@code null} means the object's default, {@code 0} means at once
 */
public record DeleteOptions(PropagationPolicy propagationPolicy, Preconditions preconditions,
                            Long gracePeriodSeconds) {

    private static final DeleteOptions DEFAULTS = new DeleteOptions(null, Preconditions.NONE, null);

    /** Normalises absent preconditions and checks the grace period. */
    public DeleteOptions {
        preconditions = preconditions == null ? Preconditions.NONE : preconditions;
        if (gracePeriodSeconds != null && gracePeriodSeconds < 0) {
            throw new IllegalArgumentException("gracePeriodSeconds must not be negative, was " + gracePeriodSeconds);
        }
    }

    /** No propagation policy given (Background unless the object says otherwise), no preconditions. */
    public static DeleteOptions defaults() {
        return DEFAULTS;
    }

    /** Background propagation. */
    public static DeleteOptions background() {
        return DEFAULTS.withPropagationPolicy(PropagationPolicy.BACKGROUND);
    }

    /** Foreground propagation. */
    public static DeleteOptions foreground() {
        return DEFAULTS.withPropagationPolicy(PropagationPolicy.FOREGROUND);
    }

    /** Orphan propagation. */
    public static DeleteOptions orphan() {
        return DEFAULTS.withPropagationPolicy(PropagationPolicy.ORPHAN);
    }

    /** A copy with another propagation policy ({@code null}: the object's own choice). */
    public DeleteOptions withPropagationPolicy(PropagationPolicy policy) {
        return new DeleteOptions(policy, preconditions, gracePeriodSeconds);
    }

    /** A copy with preconditions. */
    public DeleteOptions withPreconditions(Preconditions preconditions) {
        return new DeleteOptions(propagationPolicy, Objects.requireNonNull(preconditions, "preconditions"),
                gracePeriodSeconds);
    }

    /** A copy with a grace period ({@code 0}: at once). */
    public DeleteOptions withGracePeriodSeconds(long seconds) {
        return new DeleteOptions(propagationPolicy, preconditions, seconds);
    }
}
