package io.flotilla.core.scheduler.plugins.noderesources;

import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PluginArgs;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PreScorePlugin;
import io.flotilla.api.scheduler.Resources;
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.scheduler.table.NodeTable;
import io.flotilla.core.scheduler.table.TableScore;
import java.util.List;

/**
 * Prefers nodes whose resources would be used in equal proportion, like Kubernetes'
 * {@code NodeResourcesBalancedAllocation}: per resource of the {@code resources} argument (CPU and memory by
 * default) the fraction {@code requested / allocatable} (capped at 1) including the pod, and a score of
 * {@code (1 - standard deviation of the fractions) * 100}. Uses actual requests, and skips pods that request none
 * of the resources (best-effort pods), so they are not all packed onto one node. Thread-safe; Score does not
 * allocate; over the node table (CPU and memory only) it reads the flat rows instead of the nodes.
 */
public final class NodeResourcesBalancedAllocation implements PreScorePlugin, TableScore {

    /** The plugin name. */
    public static final String NAME = "NodeResourcesBalancedAllocation";

    private final WeightedResources resources;

    /**
     * Creates the plugin from its arguments ({@code resources: [{name, weight}]}; weights are ignored).
     *
     * @throws IllegalArgumentException for a malformed resource list
     */
    public NodeResourcesBalancedAllocation(PluginArgs args) {
        this.resources = WeightedResources.parse(args.list("resources"));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Skips best-effort pods. */
    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasible) {
        for (int i = 0, n = resources.size(); i < n; i++) {
            if (pod.requests().get(resources.name(i)) != 0) {
                return Status.success();
            }
        }
        return Status.skip();
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        double sum = 0;
        double sumOfSquares = 0;
        double first = 0;
        int count = 0;
        Resources podRequests = pod.requests();
        for (int i = 0, n = resources.size(); i < n; i++) {
            long podRequest = resources.of(i, podRequests);
            long capacity = resources.allocatable(i, node);
            if (capacity == 0 || (podRequest == 0 && resources.isScalar(i))) {
                continue;
            }
            double fraction = Math.min(1.0, (double) (resources.requested(i, node) + podRequest) / capacity);
            first = count == 0 ? fraction : first;
            sum += fraction;
            sumOfSquares += fraction * fraction;
            count++;
        }
        return score(sum, sumOfSquares, first, count);
    }

    /** {@link #score} of every row, reading the table; only when the resources are CPU and memory alone. */
    @Override
    public boolean scoreTable(CycleState state, PodInfo pod, NodeTable table, int[] rows, int n, long[] out) {
        if (!resources.cpuAndMemoryOnly()) {
            return false;
        }
        long[] podRequests = resources.amounts(pod.requests());
        for (int j = 0; j < n; j++) {
            int row = rows[j];
            double sum = 0;
            double sumOfSquares = 0;
            double first = 0;
            int count = 0;
            for (int i = 0; i < podRequests.length; i++) {
                long capacity = resources.allocatable(i, table, row);
                if (capacity != 0) {
                    long requested = resources.requested(i, table, row) + podRequests[i];
                    double fraction = Math.min(1.0, (double) requested / capacity);
                    first = count == 0 ? fraction : first;
                    sum += fraction;
                    sumOfSquares += fraction * fraction;
                    count++;
                }
            }
            out[j] = score(sum, sumOfSquares, first, count);
        }
        return true;
    }

    // 1 - the standard deviation of the fractions, scaled to 0..100
    private static long score(double sum, double sumOfSquares, double first, int count) {
        double std;
        if (count == 2) {
            std = Math.abs((first - (sum - first)) / 2);
        } else if (count > 2) {
            double mean = sum / count;
            std = Math.sqrt(Math.max(0, sumOfSquares / count - mean * mean));
        } else {
            std = 0;
        }
        return (long) ((1 - std) * MAX_NODE_SCORE);
    }
}
