package io.flotilla.api.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A resource usage sample of a container (CRI {@code ContainerStats}). CPU is cumulative, so a rate needs two
 * samples ({@link #nanoCoresSince}). Immutable.
 *
 * @param containerId           the container; not {@code null}
 * @param timestamp             when the sample was taken; not {@code null}
 * @param cpuUsageCoreNanos     CPU time used since the container started, in core-nanoseconds
 * @param memoryWorkingSetBytes the memory working set (what the OOM killer and Kubernetes metrics look at)
 */
public record ContainerStats(String containerId, Instant timestamp, long cpuUsageCoreNanos,
                             long memoryWorkingSetBytes) {

    /** Checks the components. */
    public ContainerStats {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * The average CPU use between {@code earlier} and this sample, in nanocores (1e9 = one core).
     *
     * @return the rate, or 0 when the samples are not in time order
     */
    public long nanoCoresSince(ContainerStats earlier) {
        long elapsed = Duration.between(earlier.timestamp, timestamp).toNanos();
        if (elapsed <= 0) {
            return 0;
        }
        return Math.max(0, (long) ((cpuUsageCoreNanos - earlier.cpuUsageCoreNanos) * 1e9 / elapsed));
    }
}
