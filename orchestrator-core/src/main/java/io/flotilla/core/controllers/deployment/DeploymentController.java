package io.flotilla.core.controllers.deployment;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.controller.Controller;
import io.flotilla.core.controllers.ControllerContext;
import java.util.List;
import java.util.Objects;

/**
 * Registers the Deployment controller: it reconciles Deployments, is triggered by their ReplicaSets (through the
 * controller owner reference), by orphan ReplicaSets a Deployment's selector matches, and, for {@code Recreate}
 * Deployments, by their pods (it waits for the old ones to be gone).
 *
 * <p>Stateless; thread-safe.
 */
public final class DeploymentController {
    /** The controller's name (logs, metrics, the source component of its events). */
    public static final String NAME = "deployment-controller";

    private DeploymentController() {
    }

    /**
     * Registers the controller with the context's manager.
     *
     * @return the registered controller
     * @throws NullPointerException if {@code context} is {@code null}
     */
    public static Controller register(ControllerContext context) {
        Objects.requireNonNull(context, "context");
        Lister<Deployment> deployments = context.informers().lister(Deployment.TYPE);
        Lister<ReplicaSet> sets = context.informers().lister(ReplicaSet.TYPE);
        Reconciler reconciler = reconciler(context);
        return context.manager().controller(NAME)
                .forType(Deployment.TYPE)
                .owns(ReplicaSet.TYPE)
                .watches(ReplicaSet.TYPE, rs -> orphanOwners(rs, deployments))
                .watches(Pod.TYPE, pod -> recreateOwner(pod, sets, deployments))
                .workers(2)
                .reconciler(reconciler);
    }

    /**
     * A new reconciler of this controller, for driving it directly (step-by-step simulations and tests); it reads
     * the context's informers, which must be started and synced. {@link #register} uses one too.
     *
     * @throws NullPointerException if {@code context} is {@code null}
     */
    public static Reconciler reconciler(ControllerContext context) {
        Objects.requireNonNull(context, "context");
        return new DeploymentReconciler(context.client(), context.informers(), context.clock(),
                context.recorder(NAME));
    }

    /** For a ReplicaSet without a controller: the Deployments of its namespace whose selector matches it. */
    static List<Request> orphanOwners(ReplicaSet rs, Lister<Deployment> deployments) {
        if (rs.metadata().controllerReference().isPresent()) {
            return List.of();
        }
        return deployments.list(rs.metadata().namespace()).stream()
                .filter(d -> d.spec() != null && d.spec().selector() != null && !d.spec().selector().isEmpty()
                        && d.spec().selector().matches(rs.metadata().labels()))
                .map(Request::of)
                .toList();
    }

    /** For a pod of a ReplicaSet of a {@code Recreate} Deployment: that Deployment. */
    static List<Request> recreateOwner(Pod pod, Lister<ReplicaSet> sets, Lister<Deployment> deployments) {
        String namespace = pod.metadata().namespace();
        OwnerReference podOwner = pod.metadata().controllerReference().orElse(null);
        if (podOwner == null || !ReplicaSet.TYPE.kind().equals(podOwner.kind())) {
            return List.of();
        }
        return sets.get(namespace, podOwner.name())
                .flatMap(rs -> rs.metadata().controllerReference())
                .filter(ref -> Deployment.TYPE.kind().equals(ref.kind()))
                .flatMap(ref -> deployments.get(namespace, ref.name()))
                .filter(d -> d.spec() != null && Deployments.isRecreate(d))
                .map(d -> List.of(Request.of(d)))
                .orElse(List.of());
    }
}
