package io.flotilla.core.controllers.replicaset;

import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.controller.Controller;
import io.flotilla.core.controllers.ControllerContext;
import io.flotilla.core.controllers.support.Pods;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Registers the ReplicaSet controller: it reconciles ReplicaSets, is triggered by their pods (through the
 * controller owner reference) and by orphan pods a ReplicaSet's selector matches (for adoption).
 *
 * <p>Stateless; thread-safe.
 */
public final class ReplicaSetController {
    /** The controller's name (logs, metrics, the source component of its events). */
    public static final String NAME = "replicaset-controller";

    /** How many ReplicaSets are reconciled at once. */
    static final int WORKERS = 4;

    /**
     * How long a burst of pod readiness or phase changes may wait for others to share its ReplicaSet's reconcile (as
     * Kubernetes' Job controller batches pod updates; a lone change after a quiet period is not delayed); short
     * against a rollout step, long against a reconcile.
     */
    static final Duration STATUS_BATCH_PERIOD = Duration.ofMillis(250);

    /** The most replicas of a ReplicaSet whose pods' readiness changes are never batched. */
    static final int SMALL_REPLICA_SET = 50;

    private ReplicaSetController() {
    }

    /**
     * Registers the controller with the context's manager.
     *
     * @return the registered controller
     * @throws NullPointerException if {@code context} is {@code null}
     */
    public static Controller register(ControllerContext context) {
        Objects.requireNonNull(context, "context");
        Reconciler reconciler = reconciler(context);
        Lister<ReplicaSet> sets = context.informers().lister(ReplicaSet.TYPE);
        return context.manager().controller(NAME)
                .forType(ReplicaSet.TYPE)
                .owns(Pod.TYPE, ReplicaSetController::podChangeMatters,
                        (old, now) -> podChangeUrgent(old, now) || ownerIsSmall(now, sets), STATUS_BATCH_PERIOD)
                .watches(Pod.TYPE, pod -> orphanOwners(pod, sets))
                .workers(WORKERS)
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
        return new ReplicaSetReconciler(context.client(), context.informers(), context.clock(),
                context.recorder(NAME));
    }

    /**
     * Whether a pod update changes what its ReplicaSet reads: labels and owners (claims), deletion (expectations,
     * active pods), phase (active pods) and when it became ready (ready and available counts). A node binding or a
     * container status alone does not, and at 10,000 pods a reconcile each is most of the controller's work.
     */
    static boolean podChangeMatters(Pod old, Pod now) {
        ObjectMeta o = old.metadata();
        ObjectMeta n = now.metadata();
        return !Objects.equals(o.labels(), n.labels()) || !Objects.equals(o.ownerReferences(), n.ownerReferences())
                || !Objects.equals(o.deletionTimestamp(), n.deletionTimestamp())
                || !Objects.equals(old.phase(), now.phase())
                || !Pods.readySince(old).equals(Pods.readySince(now));
    }

    /**
     * Whether a pod update changes which pods the ReplicaSet has (labels, owners, deletion, or the pod ending), so
     * that it may have to create, adopt or release pods at once; readiness alone only changes its status, and waits
     * for {@link #STATUS_BATCH_PERIOD}.
     */
    static boolean podChangeUrgent(Pod old, Pod now) {
        ObjectMeta o = old.metadata();
        ObjectMeta n = now.metadata();
        return !Objects.equals(o.labels(), n.labels()) || !Objects.equals(o.ownerReferences(), n.ownerReferences())
                || !Objects.equals(o.deletionTimestamp(), n.deletionTimestamp())
                || Pods.isActive(old) != Pods.isActive(now);
    }

    /**
     * Whether the pod's controlling ReplicaSet is small enough ({@value #SMALL_REPLICA_SET} replicas or fewer) for
     * each of its pods' changes to be reconciled at once, as Kubernetes does for all: its reconcile is cheap, and its
     * status (what a Deployment's rollout and a start-up plan wait for) should not lag a batch period behind.
     */
    static boolean ownerIsSmall(Pod pod, Lister<ReplicaSet> sets) {
        return pod.metadata().controllerReference()
                .filter(ref -> ReplicaSet.TYPE.kind().equals(ref.kind()))
                .flatMap(ref -> sets.get(pod.metadata().namespace(), ref.name()))
                .map(rs -> rs.spec() == null || rs.spec().replicas() == null
                        || rs.spec().replicas() <= SMALL_REPLICA_SET)
                .orElse(true);
    }

    /** For a pod without a controller: the ReplicaSets of its namespace whose selector matches it. */
    static List<Request> orphanOwners(Pod pod, Lister<ReplicaSet> sets) {
        if (pod.metadata().controllerReference().isPresent() || pod.metadata().isDeleting()) {
            return List.of();
        }
        return sets.list(pod.metadata().namespace()).stream()
                .filter(rs -> rs.spec() != null && rs.spec().selector() != null && !rs.spec().selector().isEmpty()
                        && rs.spec().selector().matches(pod.metadata().labels()))
                .map(Request::of)
                .toList();
    }
}
