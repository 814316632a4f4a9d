package io.flotilla.api.scheduler;

import java.util.List;

/**
 * Checks and pre-computes per pod, once per cycle, like Kubernetes' {@code PreFilterPlugin}: the place to parse the
 * pod's constraints and count matching pods cluster-wide, writing the result into the {@link CycleState} for
 * Filter. May narrow the candidate nodes ({@link PreFilterResult#nodes}) or skip its own Filter
 * ({@link PreFilterResult#skip()}). A rejection here fails the whole cycle without running Filter.
 *
 * <p>Plugins whose state depends on the pods on a node implement {@link #addPod}/{@link #removePod} (Kubernetes'
 * {@code PreFilterExtensions}), which preemption calls while it simulates evictions on a copied state.
 */
public interface PreFilterPlugin extends Plugin {

    /**
     * Runs before filtering.
     *
     * @param state the cycle state to write pre-computed data into; not null
     * @param pod   the pod being scheduled; not null
     * @param nodes every node of the snapshot; not null, unmodifiable
     * @return the result; never null
     */
    PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes);

    /**
     * Updates {@code state} as if {@code added} were now on {@code node}. The default does nothing.
     *
     * @return success or an error
     */
    default Status addPod(CycleState state, PodInfo pod, PodInfo added, NodeInfo node) {
        return Status.success();
    }

    /**
     * Updates {@code state} as if {@code removed} were no longer on {@code node}. The default does nothing.
     *
     * @return success or an error
     */
    default Status removePod(CycleState state, PodInfo pod, PodInfo removed, NodeInfo node) {
        return Status.success();
    }
}
