package io.flotilla.core.scheduler.table;

import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.FilterPlugin;
import io.flotilla.api.scheduler.PodInfo;

/**
 * A Filter plugin whose verdict for most nodes follows from a {@link NodeTable} row. Once per cycle (after
 * PreFilter) the framework asks for a {@link TableCheck}; a node passing the check must be one that
 * {@link #filter} accepts, and for a node failing it the framework calls {@link #filter} to learn the verdict and
 * its reason. Implemented by in-tree plugins only; thread-safe like any plugin.
 */
public interface TableFilter extends FilterPlugin {

    /**
     * The rule for this cycle's pod.
     *
     * @param state the cycle state after PreFilter (read only); not null
     * @param pod   the pod being scheduled; not null
     * @return the check, or null when this pod must be filtered node by node
     */
    TableCheck tableCheck(CycleState state, PodInfo pod);
}
