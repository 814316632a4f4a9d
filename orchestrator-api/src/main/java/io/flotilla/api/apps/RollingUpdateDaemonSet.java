package io.flotilla.api.apps;

import io.flotilla.api.meta.IntOrString;

/**
 * The bounds of a DaemonSet's rolling update; exactly one of them may be non-zero. Immutable; {@code null}
 * components are unset (defaults: {@code maxUnavailable} 1, {@code maxSurge} 0).
 *
 * @param maxUnavailable nodes (or percent of nodes, rounded up) whose daemon pod may be unavailable
 * @param maxSurge       nodes (or percent of nodes, rounded up) that may run an old and a new pod at once
 */
public record RollingUpdateDaemonSet(IntOrString maxUnavailable, IntOrString maxSurge) {

    /** Kubernetes' default {@code maxUnavailable}. */
    public static final IntOrString DEFAULT_MAX_UNAVAILABLE = IntOrString.of(1);
    /** Kubernetes' default {@code maxSurge}. */
    public static final IntOrString DEFAULT_MAX_SURGE = IntOrString.of(0);
}
