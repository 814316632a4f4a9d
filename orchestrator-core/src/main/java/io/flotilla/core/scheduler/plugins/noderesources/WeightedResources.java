package io.flotilla.core.scheduler.plugins.noderesources;

import io.flotilla.api.core.ResourceRequirements;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PluginArgs;
import io.flotilla.api.scheduler.Resources;
import io.flotilla.core.scheduler.table.NodeTable;
import java.util.List;

/**
 * The resources a scoring strategy looks at, with their weights, parsed from a plugin's {@code resources} argument
 * ({@code [{name: cpu, weight: 1}, ...]}; CPU and memory of weight 1 by default, as in Kubernetes). Arrays, so
 * Score loops over them without allocating. Immutable.
 */
final class WeightedResources {

    private static final int CPU = 0;
    private static final int MEMORY = 1;
    private static final int OTHER = 2;

    private final String[] names;
    private final long[] weights;
    // CPU and memory are read from NodeInfo's flat fields; other resources by name
    private final int[] kinds;
    private final boolean[] scalar;
    private final boolean cpuAndMemoryOnly;

    private WeightedResources(String[] names, long[] weights) {
        this.names = names;
        this.weights = weights;
        this.kinds = new int[names.length];
        this.scalar = new boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            kinds[i] = switch (names[i]) {
                case ResourceRequirements.CPU -> CPU;
                case ResourceRequirements.MEMORY -> MEMORY;
                default -> OTHER;
            };
            scalar[i] = isScalar(names[i]);
        }
        boolean flat = true;
        for (int kind : kinds) {
            flat &= kind != OTHER;
        }
        this.cpuAndMemoryOnly = flat;
    }

    /**
     * Parses the resource list.
     *
     * @throws IllegalArgumentException for a resource without name or with a weight outside 1..100
     */
    static WeightedResources parse(List<PluginArgs> list) {
        if (list.isEmpty()) {
            return new WeightedResources(new String[] {ResourceRequirements.CPU, ResourceRequirements.MEMORY},
                    new long[] {1, 1});
        }
        String[] names = new String[list.size()];
        long[] weights = new long[list.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = list.get(i).string("name", "");
            weights[i] = list.get(i).number("weight", 1);
            if (names[i].isEmpty() || weights[i] < 1 || weights[i] > 100) {
                throw new IllegalArgumentException("scoring resources need a name and a weight in 1..100, got "
                        + list.get(i));
            }
        }
        return new WeightedResources(names, weights);
    }

    int size() {
        return names.length;
    }

    String name(int i) {
        return names[i];
    }

    long weight(int i) {
        return weights[i];
    }

    /** Whether the i-th resource is an extended resource. */
    boolean isScalar(int i) {
        return scalar[i];
    }

    /** The amount of the i-th resource in {@code r}. */
    long of(int i, Resources r) {
        return switch (kinds[i]) {
            case CPU -> r.milliCpu();
            case MEMORY -> r.memory();
            default -> r.get(names[i]);
        };
    }

    /** The amount of every resource in {@code r}, by index: {@link #of} once per cycle instead of once per node. */
    long[] amounts(Resources r) {
        long[] out = new long[names.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(i, r);
        }
        return out;
    }

    /** The node's allocatable amount of the i-th resource. */
    long allocatable(int i, NodeInfo node) {
        return switch (kinds[i]) {
            case CPU -> node.allocatableMilliCpu();
            case MEMORY -> node.allocatableMemory();
            default -> node.allocatable().get(names[i]);
        };
    }

    /** The amount of the i-th resource the node's pods request. */
    long requested(int i, NodeInfo node) {
        return switch (kinds[i]) {
            case CPU -> node.requestedMilliCpu();
            case MEMORY -> node.requestedMemory();
            default -> node.requested().get(names[i]);
        };
    }

    /** The amount of the i-th resource the node's pods request, with the scoring defaults. */
    long nonZeroRequested(int i, NodeInfo node) {
        return switch (kinds[i]) {
            case CPU -> node.nonZeroRequestedMilliCpu();
            case MEMORY -> node.nonZeroRequestedMemory();
            default -> node.nonZeroRequested().get(names[i]);
        };
    }

    /** Whether every resource is CPU or memory, so a {@link NodeTable} row has all a score needs. */
    boolean cpuAndMemoryOnly() {
        return cpuAndMemoryOnly;
    }

    /** {@link #allocatable(int, NodeInfo)} from a table row; only when {@link #cpuAndMemoryOnly()}. */
    long allocatable(int i, NodeTable table, int row) {
        return kinds[i] == CPU ? table.allocatableMilliCpu(row) : table.allocatableMemory(row);
    }

    /** {@link #requested(int, NodeInfo)} from a table row; only when {@link #cpuAndMemoryOnly()}. */
    long requested(int i, NodeTable table, int row) {
        return kinds[i] == CPU ? table.requestedMilliCpu(row) : table.requestedMemory(row);
    }

    /** {@link #nonZeroRequested(int, NodeInfo)} from a table row; only when {@link #cpuAndMemoryOnly()}. */
    long nonZeroRequested(int i, NodeTable table, int row) {
        return kinds[i] == CPU ? table.nonZeroRequestedMilliCpu(row) : table.nonZeroRequestedMemory(row);
    }

    /** Whether {@code name} is an extended resource (not cpu, memory, ephemeral-storage or pods). */
    static boolean isScalar(String name) {
        return switch (name) {
            case ResourceRequirements.CPU, ResourceRequirements.MEMORY, ResourceRequirements.EPHEMERAL_STORAGE,
                 Resources.PODS -> false;
            default -> true;
        };
    }
}
