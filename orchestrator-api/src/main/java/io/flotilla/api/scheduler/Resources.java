package io.flotilla.api.scheduler;

import io.flotilla.api.core.ResourceRequirements;
import io.flotilla.api.meta.Quantity;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable amount of schedulable resources in the scheduler's integer units, like Kubernetes'
 * {@code framework.Resource}: CPU in millicores, memory and ephemeral storage in bytes, a pod count, and extended
 * ("scalar") resources such as {@code nvidia.com/gpu} or {@code hugepages-2Mi} in their whole units. The getters
 * do not allocate, so Filter and Score may call them per node. Thread-safe.
 */
public final class Resources {

    /** The resource name of the pod count in a node's allocatable map. */
    public static final String PODS = "pods";

    /** Nothing at all. */
    public static final Resources ZERO = new Resources(0, 0, 0, 0, Map.of());

    private final long milliCpu;
    private final long memory;
    private final long ephemeralStorage;
    private final long pods;
    private final Map<String, Long> scalars;

    private Resources(long milliCpu, long memory, long ephemeralStorage, long pods, Map<String, Long> scalars) {
        this.milliCpu = milliCpu;
        this.memory = memory;
        this.ephemeralStorage = ephemeralStorage;
        this.pods = pods;
        this.scalars = scalars;
    }

    /**
     * The given amounts.
     *
     * @param scalars extended resources by name; not null; copied
     */
    public static Resources of(long milliCpu, long memory, long ephemeralStorage, long pods,
                               Map<String, Long> scalars) {
        Map<String, Long> copy = Map.copyOf(Objects.requireNonNull(scalars, "scalars"));
        return new Resources(milliCpu, memory, ephemeralStorage, pods, copy);
    }

    /** The given CPU (millicores) and memory (bytes), nothing else. */
    public static Resources of(long milliCpu, long memory) {
        return new Resources(milliCpu, memory, 0, 0, Map.of());
    }

    /**
     * Parses a resource list such as a node's {@code status.allocatable} or a container's requests: {@code cpu} in
     * millicores (rounded up), {@code memory}, {@code ephemeral-storage} and {@code pods} as whole numbers, every
     * other name as an extended resource.
     *
     * @param list the resource list; null means nothing
     */
    public static Resources of(Map<String, Quantity> list) {
        if (list == null || list.isEmpty()) {
            return ZERO;
        }
        long cpu = 0;
        long mem = 0;
        long storage = 0;
        long count = 0;
        Map<String, Long> extended = new HashMap<>();
        for (Map.Entry<String, Quantity> e : list.entrySet()) {
            switch (e.getKey()) {
                case ResourceRequirements.CPU -> cpu = e.getValue().milliValue();
                case ResourceRequirements.MEMORY -> mem = e.getValue().longValue();
                case ResourceRequirements.EPHEMERAL_STORAGE -> storage = e.getValue().longValue();
                case PODS -> count = e.getValue().longValue();
                default -> extended.put(e.getKey(), e.getValue().longValue());
            }
        }
        return new Resources(cpu, mem, storage, count, Map.copyOf(extended));
    }

    /** CPU in millicores. */
    public long milliCpu() {
        return milliCpu;
    }

    /** Memory in bytes. */
    public long memory() {
        return memory;
    }

    /** Ephemeral storage in bytes. */
    public long ephemeralStorage() {
        return ephemeralStorage;
    }

    /** The number of pods (meaningful for allocatable amounts; zero in pod requests). */
    public long pods() {
        return pods;
    }

    /** Extended resources by name; never null, unmodifiable. */
    public Map<String, Long> scalars() {
        return scalars;
    }

    /** One extended resource, zero if absent. Does not allocate. */
    public long scalar(String name) {
        Long v = scalars.get(name);
        return v == null ? 0 : v;
    }

    /**
     * The amount of one resource by its Kubernetes name ({@code cpu} in millicores). Does not allocate.
     *
     * @param name a resource name; not null
     */
    public long get(String name) {
        return switch (name) {
            case ResourceRequirements.CPU -> milliCpu;
            case ResourceRequirements.MEMORY -> memory;
            case ResourceRequirements.EPHEMERAL_STORAGE -> ephemeralStorage;
            case PODS -> pods;
            default -> scalar(name);
        };
    }

    /** Whether every amount is zero. */
    public boolean isZero() {
        return milliCpu == 0 && memory == 0 && ephemeralStorage == 0 && pods == 0
                && scalars.values().stream().allMatch(v -> v == 0);
    }

    /** The sum of this and {@code other}; this instance if {@code other} is zero. */
    public Resources plus(Resources other) {
        return other == ZERO ? this : combine(other, 1);
    }

    /** This minus {@code other} (amounts may go negative); this instance if {@code other} is zero. */
    public Resources minus(Resources other) {
        return other == ZERO ? this : combine(other, -1);
    }

    /** The per-resource maximum of this and {@code other}. */
    public Resources max(Resources other) {
        Map<String, Long> s = new HashMap<>(scalars);
        other.scalars.forEach((k, v) -> s.merge(k, v, Math::max));
        return new Resources(Math.max(milliCpu, other.milliCpu), Math.max(memory, other.memory),
                Math.max(ephemeralStorage, other.ephemeralStorage), Math.max(pods, other.pods), Map.copyOf(s));
    }

    private Resources combine(Resources other, int sign) {
        Map<String, Long> s = scalars;
        if (!other.scalars.isEmpty()) {
            Map<String, Long> m = new HashMap<>(scalars);
            other.scalars.forEach((k, v) -> m.merge(k, sign * v, Long::sum));
            s = Map.copyOf(m);
        }
        return new Resources(milliCpu + sign * other.milliCpu, memory + sign * other.memory,
                ephemeralStorage + sign * other.ephemeralStorage, pods + sign * other.pods, s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resources r && milliCpu == r.milliCpu && memory == r.memory
                && ephemeralStorage == r.ephemeralStorage && pods == r.pods && scalars.equals(r.scalars);
    }

    @Override
    public int hashCode() {
        return Objects.hash(milliCpu, memory, ephemeralStorage, pods, scalars);
    }

    @Override
    public String toString() {
        return "Resources[cpu=" + milliCpu + "m, memory=" + memory + ", ephemeral-storage=" + ephemeralStorage
                + ", pods=" + pods + (scalars.isEmpty() ? "" : ", " + scalars) + "]";
    }
}
