package io.flotilla.core.controllers.statefulset;

import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.api.controller.Request;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.controllers.ControllerContext;
import java.util.List;

/**
 * Registers the StatefulSet controller and names the labels and annotations it writes. Stateless.
 */
public final class StatefulSetController {
    /** The controller's name, also its events' source component. */
    public static final String NAME = "statefulset-controller";
    /** Label with the pod's name, so a Service can select one pod. */
    public static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
    /** Label with the pod's ordinal. */
    public static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
    /** Label with the revision ({@code <set>-<hash>}) the pod was made from. */
    public static final String REVISION_LABEL = "controller-revision-hash";
    /** Annotation on the set holding the current revision's template (see {@link Revisions}). */
    public static final String CURRENT_TEMPLATE_ANNOTATION = "statefulset.flotilla.io/current-revision-template";

    private StatefulSetController() {
    }

    /**
     * Registers the controller: it reconciles StatefulSets, on changes of their pods and claims too.
     *
     * @param context the controller context; not {@code null}
     */
    public static void register(ControllerContext context) {
        Lister<StatefulSet> sets = context.informers().lister(StatefulSet.TYPE);
        StatefulSetReconciler reconciler = new StatefulSetReconciler(context.client(), sets,
                context.informers().lister(Pod.TYPE), context.informers().lister(PersistentVolumeClaim.TYPE),
                context.clock(), context.recorder(NAME));
        context.manager().controller(NAME).forType(StatefulSet.TYPE).owns(Pod.TYPE)
                .watches(PersistentVolumeClaim.TYPE, claim -> setsSelecting(sets, claim))
                .workers(2).reconciler(reconciler);
    }

    /** The sets whose selector matches a claim's labels (their claims carry the selector's labels). */
    private static List<Request> setsSelecting(Lister<StatefulSet> sets, PersistentVolumeClaim claim) {
        return sets.list(claim.metadata().namespace()).stream()
                .filter(s -> s.spec() != null && s.spec().selector() != null && !s.spec().selector().isEmpty()
                        && s.spec().selector().matches(claim.metadata().labels()))
                .map(Request::of).toList();
    }
}
