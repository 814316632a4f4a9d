package io.flotilla.api.scheduler;

import java.util.List;

/**
 * Pre-computes per pod before scoring, like Kubernetes' {@code PreScorePlugin}: called once with the nodes that
 * passed Filter, writes into the {@link CycleState} what Score then reads per node. Returning
 * {@link Status#skip()} skips this plugin's Score for the cycle (for example a pod without preferred affinity);
 * any other non-success fails the cycle with an error.
 */
public interface PreScorePlugin extends Plugin {

    /**
     * Runs before scoring.
     *
     * @param state    the cycle state; not null
     * @param pod      the pod being scheduled; not null
     * @param feasible the nodes that passed Filter; not null, unmodifiable
     * @return success, skip, or an error; never null
     */
    Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasible);
}
