package io.flotilla.core.scheduler.plugins.noderesources;

import io.flotilla.api.core.ResourceRequirements;
import io.flotilla.api.scheduler.PluginArgs;
import io.flotilla.api.scheduler.Resources;
import java.util.List;

/**
 * The resources a scoring strategy looks at, with their weights, parsed from a plugin's {@code resources} argument
 * ({@code [{name: cpu, weight: 1}, ...]}; CPU and memory of weight 1 by default, as in Kubernetes). Arrays, so
 * Score loops over them without allocating. Immutable.
 */
final class WeightedResources {

    private final String[] names;
    private final long[] weights;

    private WeightedResources(String[] names, long[] weights) {
        this.names = names;
        this.weights = weights;
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

    /** Whether {@code name} is an extended resource (not cpu, memory, ephemeral-storage or pods). */
    static boolean isScalar(String name) {
        return switch (name) {
            case ResourceRequirements.CPU, ResourceRequirements.MEMORY, ResourceRequirements.EPHEMERAL_STORAGE,
                 Resources.PODS -> false;
            default -> true;
        };
    }
}
