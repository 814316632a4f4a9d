package io.flotilla.examples.scheduling;

import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.FilterPlugin;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.Status;

/**
 * A Filter plugin that rejects nodes labelled {@value #LABEL}{@code =true}, unless the pod tolerates maintenance by
 * carrying the same label itself. Like every Filter plugin it runs once per candidate node, so it allocates nothing
 * on the common path: one shared rejection. Stateless and thread-safe.
 */
public final class AvoidMaintenance implements FilterPlugin {
    /** The name profiles enable the plugin by. */
    public static final String NAME = "AvoidMaintenance";
    /** The node (and pod) label the plugin reads. */
    public static final String LABEL = "maintenance";
    private static final Status REJECTED = Status.unschedulable("node(s) were under maintenance").withPlugin(NAME);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        boolean underMaintenance = "true".equals(node.node().metadata().labels().get(LABEL));
        boolean podAccepts = "true".equals(pod.pod().metadata().labels().get(LABEL));
        return underMaintenance && !podAccepts ? REJECTED : Status.success();
    }
}
