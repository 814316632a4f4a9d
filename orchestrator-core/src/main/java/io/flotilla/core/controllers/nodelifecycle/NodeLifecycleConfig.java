package io.flotilla.core.controllers.nodelifecycle;

import java.time.Duration;
import java.util.Objects;

/**
 * Timings of the {@link NodeLifecycleController}. Immutable.
 *
 * @param gracePeriod              how long a node may go without renewing its Lease before it is marked
 *                                 {@code Ready=Unknown} and tainted unreachable; Kubernetes' default 40 s
 * @param monitorPeriod            how often node health is checked; Kubernetes' default 5 s
 * @param defaultTolerationSeconds how long a pod that does not tolerate the {@code not-ready}/{@code unreachable}
 *                                 NoExecute taints stays on such a node. Kubernetes' DefaultTolerationSeconds
 *                                 admission adds 300 s tolerations to every pod; Flotilla's embedded default is
 *                                 30 s, so replacements come quickly; explicit tolerations always win
 */
public record NodeLifecycleConfig(Duration gracePeriod, Duration monitorPeriod, Duration defaultTolerationSeconds) {

    /** Checks that the durations are positive (the toleration may be zero). */
    public NodeLifecycleConfig {
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        Objects.requireNonNull(monitorPeriod, "monitorPeriod");
        Objects.requireNonNull(defaultTolerationSeconds, "defaultTolerationSeconds");
        if (!gracePeriod.isPositive() || !monitorPeriod.isPositive() || defaultTolerationSeconds.isNegative()) {
            throw new IllegalArgumentException("node lifecycle durations must be positive");
        }
    }

    /** 40 s grace, 5 s monitor period, 30 s default toleration. */
    public static NodeLifecycleConfig defaults() {
        return new NodeLifecycleConfig(Duration.ofSeconds(40), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** A copy with another grace period. */
    public NodeLifecycleConfig withGracePeriod(Duration value) {
        return new NodeLifecycleConfig(value, monitorPeriod, defaultTolerationSeconds);
    }

    /** A copy with another default toleration. */
    public NodeLifecycleConfig withDefaultTolerationSeconds(Duration value) {
        return new NodeLifecycleConfig(gracePeriod, monitorPeriod, value);
    }

    /** A copy with another monitor period. */
    public NodeLifecycleConfig withMonitorPeriod(Duration value) {
        return new NodeLifecycleConfig(gracePeriod, value, defaultTolerationSeconds);
    }
}
