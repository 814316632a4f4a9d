package io.flotilla.core.controllers.deployment;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.controller.Result;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code RollingUpdate} strategy, as Kubernetes' {@code rolloutRolling}: each reconcile either scales the new
 * ReplicaSet up (while the total stays within {@code replicas + maxSurge}) or scales old ones down (while the
 * available pods stay at least {@code replicas - maxUnavailable}, taking unhealthy old pods first), one step at a
 * time; the ReplicaSet controller and pod readiness drive the next step. Stateless.
 */
final class RollingUpdates {
    private RollingUpdates() {
    }

    /** One step of the rollout; then cleanup (when complete) and the rollout status. */
    static Result rollout(DeploymentSync sync) {
        NewReplicaSets.Split split = NewReplicaSets.sync(sync, true);
        if (scaleUpNew(sync, split) || scaleDownOld(sync, split)) {
            return DeploymentStatuses.syncRolloutStatus(sync, split);
        }
        if (DeploymentStatuses.isComplete(sync.deployment(), sync.deployment().status())) {
            History.cleanup(sync, split.oldRss());
        }
        return DeploymentStatuses.syncRolloutStatus(sync, split);
    }

    /** Kubernetes' {@code reconcileNewReplicaSet}. */
    private static boolean scaleUpNew(DeploymentSync sync, NewReplicaSets.Split split) {
        Deployment d = sync.deployment();
        ReplicaSet newRs = sync.current(split.newRs());
        int replicas = Deployments.replicas(d);
        int size = ReplicaSets.replicas(newRs);
        if (size == replicas) {
            return false;
        }
        if (size > replicas) {
            return sync.scaleIfNeeded(newRs, replicas);
        }
        List<ReplicaSet> all = sync.current(split.all());
        return sync.scaleIfNeeded(newRs, Scaling.newRsReplicas(d, all, newRs));
    }

    /** Kubernetes' {@code reconcileOldReplicaSets}. */
    private static boolean scaleDownOld(DeploymentSync sync, NewReplicaSets.Split split) {
        Deployment d = sync.deployment();
        List<ReplicaSet> oldRss = ReplicaSets.active(sync.current(split.oldRss()));
        if (ReplicaSets.sum(oldRss, ReplicaSets::replicas) == 0) {
            return false;
        }
        ReplicaSet newRs = sync.current(split.newRs());
        List<ReplicaSet> all = sync.current(split.all());
        int minAvailable = Deployments.replicas(d) - Deployments.maxUnavailable(d);
        int newUnavailable = ReplicaSets.replicas(newRs) - ReplicaSets.availableReplicas(newRs);
        int maxScaledDown = ReplicaSets.sum(all, ReplicaSets::replicas) - minAvailable - newUnavailable;
        if (maxScaledDown <= 0) {
            return false;
        }
        int cleaned = cleanupUnhealthy(sync, oldRss, maxScaledDown);
        int scaledDown = scaleDownAvailable(sync, sync.current(split.oldRss()), sync.current(split.all()));
        return cleaned + scaledDown > 0;
    }

    /** Kubernetes' {@code cleanupUnhealthyReplicas}: scales old ReplicaSets down by their unavailable pods. */
    private static int cleanupUnhealthy(DeploymentSync sync, List<ReplicaSet> oldRss, int maxCleanup) {
        List<ReplicaSet> sorted = new ArrayList<>(oldRss);
        sorted.sort(ReplicaSets.BY_CREATION);
        int total = 0;
        for (ReplicaSet rs : sorted) {
            if (total >= maxCleanup) {
                break;
            }
            int size = ReplicaSets.replicas(rs);
            int available = ReplicaSets.availableReplicas(rs);
            if (size == 0 || size <= available) {
                continue;
            }
            int down = Math.min(maxCleanup - total, size - available);
            sync.scaleIfNeeded(rs, size - down);
            total += down;
        }
        return total;
    }

    /** Kubernetes' {@code scaleDownOldReplicaSetsForRollingUpdate}: only what keeps the minimum available. */
    private static int scaleDownAvailable(DeploymentSync sync, List<ReplicaSet> oldRss, List<ReplicaSet> all) {
        Deployment d = sync.deployment();
        int minAvailable = Deployments.replicas(d) - Deployments.maxUnavailable(d);
        int available = ReplicaSets.sum(all, ReplicaSets::availableReplicas);
        if (available <= minAvailable) {
            return 0;
        }
        List<ReplicaSet> sorted = new ArrayList<>(oldRss);
        sorted.sort(ReplicaSets.BY_CREATION);
        int wanted = available - minAvailable;
        int total = 0;
        for (ReplicaSet rs : sorted) {
            if (total >= wanted) {
                break;
            }
            int size = ReplicaSets.replicas(rs);
            if (size == 0) {
                continue;
            }
            int down = Math.min(size, wanted - total);
            sync.scaleIfNeeded(rs, size - down);
            total += down;
        }
        return total;
    }
}
