package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.StatsConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.core.InvocationBuilder;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.flotilla.api.runtime.ContainerStats;
import java.time.Instant;

/**
 * One-shot resource samples from Docker's stats endpoint: cumulative CPU time and the memory working set (usage
 * minus inactive file cache, as kubelet computes it, for cgroup v1 and v2). Thread-safe.
 */
public final class Stats {
    private final DockerClient docker;
    private final Errors errors;

    /** Stats from the engine behind {@code docker}. */
    public Stats(DockerClient docker, Errors errors) {
        this.docker = docker;
        this.errors = errors;
    }

    /** A sample of {@code containerId} (which the caller has checked is one of its containers). */
    public ContainerStats sample(String containerId) {
        Statistics statistics;
        try {
            statistics = docker.statsCmd(containerId).withNoStream(true)
                    .exec(new InvocationBuilder.AsyncResultCallback<>()).awaitResult();
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.CONTAINER, containerId);
        }
        return toStats(containerId, statistics);
    }

    /** Maps Docker's statistics; absent numbers (a stopped container) count as zero. */
    static ContainerStats toStats(String containerId, Statistics statistics) {
        Instant time = statistics == null ? null : StatusMapper.time(statistics.getRead());
        long cpu = 0;
        if (statistics != null && statistics.getCpuStats() != null
                && statistics.getCpuStats().getCpuUsage() != null
                && statistics.getCpuStats().getCpuUsage().getTotalUsage() != null) {
            cpu = statistics.getCpuStats().getCpuUsage().getTotalUsage();
        }
        return new ContainerStats(containerId, time == null ? Instant.now() : time, cpu,
                workingSet(statistics == null ? null : statistics.getMemoryStats()));
    }

    /** Usage minus inactive file pages (cgroup v1 {@code total_inactive_file}, v2 {@code inactive_file}). */
    static long workingSet(MemoryStatsConfig memory) {
        if (memory == null || memory.getUsage() == null) {
            return 0;
        }
        long inactive = 0;
        StatsConfig stats = memory.getStats();
        if (stats != null) {
            Long value = stats.getTotalInactiveFile() != null ? stats.getTotalInactiveFile() : stats.getInactiveFile();
            inactive = value == null ? 0 : value;
        }
        return Math.max(0, memory.getUsage() - inactive);
    }
}
