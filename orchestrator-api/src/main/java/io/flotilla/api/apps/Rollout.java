package io.flotilla.api.apps;

import io.flotilla.api.meta.IntOrString;
import java.util.Objects;

/**
 * Typed rolling-update bounds for the workload builders, meant for static import:
 *
 * <pre>{@code
 * Deployment.named("web").rollingUpdate(maxSurge(1), maxUnavailable(0));
 * Deployment.named("web").rollingUpdate(maxSurge("25%"), maxUnavailable("25%"));
 * }</pre>
 *
 * <p>The two bounds have distinct types so that they cannot be swapped by mistake. Values are checked when the
 * workload is validated, not here. Stateless and thread-safe.
 */
public final class Rollout {
    private Rollout() {
    }

    /**
     * How many pods may exist above the desired count during a rollout.
     *
     * @param value a count or a percentage of the desired count; never {@code null}
     */
    public record MaxSurge(IntOrString value) {
        /** Checks that the value is present. */
        public MaxSurge {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * How many pods may be unavailable during a rollout.
     *
     * @param value a count or a percentage of the desired count; never {@code null}
     */
    public record MaxUnavailable(IntOrString value) {
        /** Checks that the value is present. */
        public MaxUnavailable {
            Objects.requireNonNull(value, "value");
        }
    }

    /** At most {@code pods} pods above the desired count. */
    public static MaxSurge maxSurge(int pods) {
        return new MaxSurge(IntOrString.of(pods));
    }

    /**
     * At most this many pods above the desired count, as a count or a percentage such as {@code "25%"}.
     *
     * @throws NullPointerException if {@code value} is {@code null}
     */
    public static MaxSurge maxSurge(String value) {
        return new MaxSurge(IntOrString.of(value));
    }

    /** At most {@code pods} unavailable pods. */
    public static MaxUnavailable maxUnavailable(int pods) {
        return new MaxUnavailable(IntOrString.of(pods));
    }

    /**
     * At most this many unavailable pods, as a count or a percentage such as {@code "25%"}.
     *
     * @throws NullPointerException if {@code value} is {@code null}
     */
    public static MaxUnavailable maxUnavailable(String value) {
        return new MaxUnavailable(IntOrString.of(value));
    }

    /**
     * The absolute bounds of a rollout of {@code replicas} pods, as Kubernetes resolves them: a surge percentage
     * rounds up, an unavailability percentage rounds down, and if both come to 0, one pod may be unavailable (so
     * that a rollout always makes progress).
     *
     * @param maxSurge       the surge bound
     * @param maxUnavailable the unavailability bound
     * @param replicas       the desired number of pods
     * @return the resolved bounds
     * @throws IllegalArgumentException if a bound is a string that is not a percentage
     */
    public static Bounds resolve(IntOrString maxSurge, IntOrString maxUnavailable, int replicas) {
        int surge = maxSurge.scaledValue(replicas, true);
        int unavailable = maxUnavailable.scaledValue(replicas, false);
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        return new Bounds(surge, unavailable);
    }

    /**
     * Resolved rollout bounds, in pods.
     *
     * @param maxSurge       pods allowed above the desired count
     * @param maxUnavailable pods allowed to be unavailable
     */
    public record Bounds(int maxSurge, int maxUnavailable) {
    }
}
