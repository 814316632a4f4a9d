package io.flotilla.core.controllers.support;

import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Pod health as Kubernetes' controllers judge it ({@code podutil.IsPodReady}, {@code IsPodAvailable},
 * {@code controller.IsPodActive}). Stateless and thread-safe; arguments are never {@code null}.
 */
public final class Pods {
    private Pods() {
    }

    /** Whether the pod still counts towards its owner: not succeeded, not failed and not being deleted. */
    public static boolean isActive(Pod pod) {
        return !pod.isTerminal() && !pod.metadata().isDeleting();
    }

    /** Whether deletion of the pod was requested (it may linger until its node agent confirms). */
    public static boolean isTerminating(Pod pod) {
        return pod.metadata().isDeleting();
    }

    /** Whether the pod is in phase {@code Running} with its {@code Ready} condition true. */
    public static boolean isRunningAndReady(Pod pod) {
        return PodStatus.RUNNING.equals(pod.phase()) && pod.isReady();
    }

    /** When the pod last became ready, if it is ready now. */
    public static Optional<Instant> readySince(Pod pod) {
        if (pod.status() == null) {
            return Optional.empty();
        }
        return pod.status().condition(PodCondition.READY).filter(PodCondition::isTrue)
                .map(c -> c.lastTransitionTime() == null ? Instant.MIN : c.lastTransitionTime());
    }

    /**
     * Whether the pod has been ready for at least {@code minReadySeconds} at {@code now}; with 0, whether it is
     * ready.
     */
    public static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
        return availableIn(pod, minReadySeconds, now).map(Duration::isZero).orElse(false);
    }

    /**
     * How long until the pod counts as available: zero if it already does, empty if it is not ready at all (so
     * no wait can make it available).
     */
    public static Optional<Duration> availableIn(Pod pod, int minReadySeconds, Instant now) {
        Optional<Instant> since = readySince(pod);
        if (since.isEmpty()) {
            return Optional.empty();
        }
        if (minReadySeconds <= 0 || since.get().equals(Instant.MIN)) {
            return Optional.of(Duration.ZERO);
        }
        Instant at = since.get().plusSeconds(minReadySeconds);
        return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    }
}
