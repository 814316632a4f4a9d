package io.flotilla.core.scheduler;

import io.flotilla.api.scheduler.BindPlugin;
import io.flotilla.api.scheduler.FilterPlugin;
import io.flotilla.api.scheduler.PermitPlugin;
import io.flotilla.api.scheduler.PostBindPlugin;
import io.flotilla.api.scheduler.PostFilterPlugin;
import io.flotilla.api.scheduler.PreBindPlugin;
import io.flotilla.api.scheduler.PreFilterPlugin;
import io.flotilla.api.scheduler.PreScorePlugin;
import io.flotilla.api.scheduler.QueueSortPlugin;
import io.flotilla.api.scheduler.ReservePlugin;
import io.flotilla.api.scheduler.ScorePlugin;

/** The extension points of the scheduling framework, in the order a pod passes them, with their plugin interface. */
public enum ExtensionPoint {
    /** Orders the active queue. */
    QUEUE_SORT(QueueSortPlugin.class),
    /** Per-pod checks and pre-computation. */
    PRE_FILTER(PreFilterPlugin.class),
    /** Per-node feasibility. */
    FILTER(FilterPlugin.class),
    /** Runs when no node is feasible (preemption). */
    POST_FILTER(PostFilterPlugin.class),
    /** Per-pod pre-computation for scoring. */
    PRE_SCORE(PreScorePlugin.class),
    /** Per-node ranking. */
    SCORE(ScorePlugin.class),
    /** Claims resources on the selected node. */
    RESERVE(ReservePlugin.class),
    /** Allows, rejects or holds the pod before binding. */
    PERMIT(PermitPlugin.class),
    /** Prepares binding. */
    PRE_BIND(PreBindPlugin.class),
    /** Binds. */
    BIND(BindPlugin.class),
    /** Observes successful binds. */
    POST_BIND(PostBindPlugin.class);

    private final Class<?> pluginInterface;

    ExtensionPoint(Class<?> pluginInterface) {
        this.pluginInterface = pluginInterface;
    }

    /** The interface a plugin implements to take part in this extension point. */
    public Class<?> pluginInterface() {
        return pluginInterface;
    }
}
