package io.flotilla.api.scheduler;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of a Permit plugin, like Kubernetes' {@code (Status, timeout)} pair: allow, reject, or wait up to a
 * timeout for a {@link WaitingPod#allow} (a timed-out wait rejects the pod). Immutable.
 *
 * @param status  success, a rejection, or {@link Status.Code#WAIT}; never null
 * @param timeout how long to wait; {@link Duration#ZERO} unless waiting
 */
public record PermitResult(Status status, Duration timeout) {

    /** The longest wait the framework honours (Kubernetes' limit); longer timeouts are cut to it. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(15);

    private static final PermitResult ALLOW = new PermitResult(Status.success(), Duration.ZERO);

    /** Checks the fields. */
    public PermitResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Allows the pod now; shared, does not allocate. */
    public static PermitResult allow() {
        return ALLOW;
    }

    /** Rejects the pod as unschedulable, for these reasons. */
    public static PermitResult reject(String... reasons) {
        return new PermitResult(Status.unschedulable(reasons), Duration.ZERO);
    }

    /**
     * Holds the pod until allowed or rejected through {@link SchedulerHandle#waitingPod}, for at most
     * {@code timeout}.
     *
     * @param timeout positive; capped at {@link #MAX_TIMEOUT}
     */
    public static PermitResult waitFor(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("permit timeout must be positive, got " + timeout);
        }
        return new PermitResult(Status.waiting(), timeout.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : timeout);
    }
}
