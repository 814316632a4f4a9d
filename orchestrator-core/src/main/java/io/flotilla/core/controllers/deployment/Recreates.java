package io.flotilla.core.controllers.deployment;

import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code Recreate} strategy, as Kubernetes' {@code rolloutRecreate}: scale every old ReplicaSet to zero, wait
 * until none of their pods is left (terminating pods count: they may still run), only then create and scale up the
 * new ReplicaSet. Stateless.
 */
final class Recreates {
    private Recreates() {
    }

    /**
     * One step of the rollout.
     *
     * @param pods the pods the Deployment's selector matches in its namespace, terminating ones included
     */
    static Result rollout(DeploymentSync sync, List<Pod> pods) {
        NewReplicaSets.Split split = NewReplicaSets.sync(sync, false);
        boolean scaledDown = false;
        for (ReplicaSet old : ReplicaSets.active(split.oldRss())) {
            scaledDown |= sync.scaleIfNeeded(old, 0);
        }
        if (scaledDown || oldPodsRunning(sync, split, pods)) {
            return DeploymentStatuses.syncRolloutStatus(sync, split);
        }
        if (split.newRs() == null) {
            split = NewReplicaSets.sync(sync, true);
        }
        sync.scaleIfNeeded(split.newRs(), Deployments.replicas(sync.deployment()));
        if (DeploymentStatuses.isComplete(sync.deployment(), sync.deployment().status())) {
            History.cleanup(sync, split.oldRss());
        }
        return DeploymentStatuses.syncRolloutStatus(sync, split);
    }

    /** Whether an old ReplicaSet still reports pods, or a pod of one has not finished or gone. */
    private static boolean oldPodsRunning(DeploymentSync sync, NewReplicaSets.Split split, List<Pod> pods) {
        if (ReplicaSets.sum(sync.current(split.oldRss()), ReplicaSets::statusReplicas) > 0) {
            return true;
        }
        Set<String> oldUids = split.oldRss().stream().map(rs -> rs.metadata().uid()).collect(Collectors.toSet());
        for (Pod pod : pods) {
            String owner = pod.metadata().controllerReference().map(r -> r.uid()).orElse(null);
            if (owner == null || !oldUids.contains(owner)) {
                continue;
            }
            String phase = pod.phase();
            if (!Objects.equals(phase, PodStatus.SUCCEEDED) && !Objects.equals(phase, PodStatus.FAILED)) {
                return true;
            }
        }
        return false;
    }
}
