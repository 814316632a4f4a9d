package io.flotilla.api.runtime;

import io.flotilla.api.meta.Quantity;

/**
 * The Linux resource settings of a container (CRI {@code LinuxContainerResources}), already converted from
 * Kubernetes requests and limits by {@link #fromKubernetes}. Zero means "not set". Immutable.
 *
 * @param cpuShares        relative CPU weight (cgroup {@code cpu.shares}); 0 for the runtime's default
 * @param cpuQuota         CPU time per {@code cpuPeriod}, in microseconds; 0 for no limit
 * @param cpuPeriod        the CFS period in microseconds; 0 for the default ({@value #DEFAULT_CPU_PERIOD})
 * @param memoryLimitBytes the memory limit in bytes; 0 for no limit
 */
public record ContainerResources(long cpuShares, long cpuQuota, long cpuPeriod, long memoryLimitBytes) {
    /** The CFS period Kubernetes uses, in microseconds. */
    public static final long DEFAULT_CPU_PERIOD = 100_000;
    /** No limits and default shares. */
    public static final ContainerResources NONE = new ContainerResources(0, 0, 0, 0);
    private static final long MIN_SHARES = 2;
    private static final long MIN_QUOTA = 1000;

    /** Checks that nothing is negative. */
    public ContainerResources {
        if (cpuShares < 0 || cpuQuota < 0 || cpuPeriod < 0 || memoryLimitBytes < 0) {
            throw new IllegalArgumentException("resource settings must not be negative");
        }
    }

    /**
     * Kubelet's conversion: shares from the CPU request (or the limit when there is no request), quota from the
     * CPU limit over a 100ms period, and the memory limit in bytes.
     *
     * @param cpuRequest  the CPU request, or {@code null}
     * @param cpuLimit    the CPU limit, or {@code null}
     * @param memoryLimit the memory limit, or {@code null}
     */
    public static ContainerResources fromKubernetes(Quantity cpuRequest, Quantity cpuLimit, Quantity memoryLimit) {
        Quantity sharesFrom = cpuRequest != null ? cpuRequest : cpuLimit;
        long shares = sharesFrom == null ? MIN_SHARES : Math.max(MIN_SHARES, sharesFrom.milliValue() * 1024 / 1000);
        long quota = cpuLimit == null ? 0 : Math.max(MIN_QUOTA, cpuLimit.milliValue() * DEFAULT_CPU_PERIOD / 1000);
        long memory = memoryLimit == null ? 0 : memoryLimit.longValue();
        return new ContainerResources(shares, quota, quota == 0 ? 0 : DEFAULT_CPU_PERIOD, memory);
    }

    /** A memory limit of {@code bytes} and nothing else. */
    public static ContainerResources memoryLimit(long bytes) {
        return new ContainerResources(0, 0, 0, bytes);
    }

    /** The CPU limit in millicores, or 0 when there is none. */
    public long cpuLimitMillis() {
        long period = cpuPeriod == 0 ? DEFAULT_CPU_PERIOD : cpuPeriod;
        return cpuQuota == 0 ? 0 : cpuQuota * 1000 / period;
    }
}
