package io.flotilla.core.controllers.deployment;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.DeploymentStatus;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.core.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Kubernetes' {@code syncDeployment}: claims the Deployment's ReplicaSets, then, in this order, only reports status
 * for a Deployment being deleted; notes pause and resume in the {@code Progressing} condition; only scales (and
 * cleans up) while paused or when {@code spec.replicas} changed; otherwise takes one step of its strategy.
 */
final class DeploymentReconciler implements Reconciler {
    private final Client client;
    private final Lister<Deployment> deployments;
    private final Lister<ReplicaSet> sets;
    private final Lister<Pod> pods;
    private final Clock clock;
    private final EventRecorder recorder;

    DeploymentReconciler(Client client, SharedInformerFactory informers, Clock clock, EventRecorder recorder) {
        this.client = client;
        this.deployments = informers.lister(Deployment.TYPE);
        this.sets = informers.lister(ReplicaSet.TYPE);
        this.pods = informers.lister(Pod.TYPE);
        this.clock = clock;
        this.recorder = recorder;
    }

    @Override
    public Result reconcile(Request request) {
        Optional<Deployment> found = deployments.get(request.namespace(), request.name());
        if (found.isEmpty() || found.get().spec() == null) {
            return Result.done();
        }
        Deployment d = found.get();
        LabelSelector selector = d.spec().selector();
        if (selector == null || selector.isEmpty()) {
            return selectsEverything(d);
        }
        List<ReplicaSet> owned = ReplicaSetClaims.claim(d, sets.list(request.namespace()), client.replicaSets());
        DeploymentSync sync = new DeploymentSync(client, recorder, clock, d, owned);
        if (d.metadata().isDeleting()) {
            return DeploymentStatuses.syncStatus(sync, NewReplicaSets.sync(sync, false));
        }
        DeploymentStatuses.checkPaused(sync);
        if (Deployments.isPaused(d) || Scaling.isScalingEvent(d, NewReplicaSets.sync(sync, false))) {
            return scaleOnly(sync);
        }
        if (Deployments.isRecreate(d)) {
            return Recreates.rollout(sync, pods.list(request.namespace(), selector));
        }
        return RollingUpdates.rollout(sync);
    }

    /** Kubernetes' {@code sync}: scale (proportionally during a rollout), clean up while paused, report status. */
    private static Result scaleOnly(DeploymentSync sync) {
        NewReplicaSets.Split split = NewReplicaSets.sync(sync, false);
        Scaling.scale(sync, split);
        if (Deployments.isPaused(sync.deployment())) {
            History.cleanup(sync, split.oldRss());
        }
        return DeploymentStatuses.syncStatus(sync, split);
    }

    /** An empty selector would claim every pod: refused, as Kubernetes does, with a warning. */
    private Result selectsEverything(Deployment d) {
        recorder.warning(d, "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
        DeploymentStatus s = d.status() == null ? Conditions.empty() : d.status();
        if (!Objects.equals(s.observedGeneration(), d.metadata().generation())) {
            DeploymentStatus observed = new DeploymentStatus(d.metadata().generation(), s.replicas(),
                    s.updatedReplicas(), s.readyReplicas(), s.availableReplicas(), s.unavailableReplicas(),
                    s.conditions(), s.collisionCount());
            client.deployments().inNamespace(d.metadata().namespace())
                    .updateStatus(d.metadata().name(), x -> x.withStatus(observed));
        }
        return Result.done();
    }
}
