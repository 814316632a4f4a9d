package io.flotilla.core.controllers.daemonset;

import io.flotilla.api.apps.DaemonSet;
import io.flotilla.api.controller.Request;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.controllers.ControllerContext;

/** Registers the DaemonSet controller and names what it writes. Stateless. */
public final class DaemonSetController {
    /** The controller's name, also its events' source component. */
    public static final String NAME = "daemonset-controller";
    /** Label with the hash of the template a daemon pod was made from. */
    public static final String REVISION_LABEL = "controller-revision-hash";

    private DaemonSetController() {
    }

    /**
     * Registers the controller: it reconciles DaemonSets on changes of themselves and their pods, and every
     * DaemonSet on any node change.
     *
     * @param context the controller context; not {@code null}
     */
    public static void register(ControllerContext context) {
        Lister<DaemonSet> sets = context.informers().lister(DaemonSet.TYPE);
        DaemonSetReconciler reconciler = new DaemonSetReconciler(context.client(), sets,
                context.informers().lister(Pod.TYPE), context.informers().lister(Node.TYPE), context.clock(),
                context.recorder(NAME));
        context.manager().controller(NAME).forType(DaemonSet.TYPE).owns(Pod.TYPE)
                .watches(Node.TYPE, node -> sets.list().stream().map(Request::of).toList())
                .workers(2).reconciler(reconciler);
    }
}
