package io.flotilla.core.scheduler.plugins.noderesources;

import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PluginArgs;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PreScorePlugin;
import io.flotilla.api.scheduler.Resources;
import io.flotilla.api.scheduler.ScorePlugin;
import io.flotilla.api.scheduler.Status;
import java.util.List;

/**
 * Prefers nodes whose resources would be used in equal proportion, like Kubernetes'
 * {@code NodeResourcesBalancedAllocation}: per resource of the {@code resources} argument (CPU and memory by
 * default) the fraction {@code requested / allocatable} (capped at 1) including the pod, and a score of
 * {@code (1 - standard deviation of the fractions) * 100}. Uses actual requests, and skips pods that request none
 * of the resources (best-effort pods), so they are not all packed onto one node. Thread-safe; Score does not
 * allocate.
 */
public final class NodeResourcesBalancedAllocation implements PreScorePlugin, ScorePlugin {

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
