package io.flotilla.api.apps;

import io.flotilla.api.meta.IntOrString;

/**
 * The bounds of a Deployment's rolling update. Immutable; a {@code null} bound is unset and means Kubernetes'
 * default, 25%.
 *
 * @param maxUnavailable pods (or percent of the desired count, rounded down) that may be unavailable
 * @param maxSurge       pods (or percent of the desired count, rounded up) that may exist above the desired count
 */
public record RollingUpdateDeployment(IntOrString maxUnavailable, IntOrString maxSurge) {

    /** Kubernetes' default for both bounds. */
    public static final IntOrString DEFAULT_BOUND = IntOrString.percent(25);

    /** The bounds, in a typed and readable order. */
    public static RollingUpdateDeployment of(Rollout.MaxSurge maxSurge, Rollout.MaxUnavailable maxUnavailable) {
        return new RollingUpdateDeployment(maxUnavailable.value(), maxSurge.value());
    }

    /**
     * The absolute bounds for {@code replicas} desired pods, unset bounds taken as 25%; see
     * {@link Rollout#resolve}.
     *
     * @throws IllegalArgumentException if a bound is a string that is not a percentage
     */
    public Rollout.Bounds resolve(int replicas) {
        return Rollout.resolve(maxSurge == null ? DEFAULT_BOUND : maxSurge,
                maxUnavailable == null ? DEFAULT_BOUND : maxUnavailable, replicas);
    }
}
