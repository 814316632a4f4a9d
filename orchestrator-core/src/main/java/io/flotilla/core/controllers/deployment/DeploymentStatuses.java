package io.flotilla.core.controllers.deployment;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.DeploymentCondition;
import io.flotilla.api.apps.DeploymentStatus;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.apps.WorkloadCondition;
import io.flotilla.api.controller.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Deployment's status, as Kubernetes' {@code calculateStatus} and {@code syncRolloutStatus}: counts summed over
 * its ReplicaSets; {@code Available} while at least {@code replicas - maxUnavailable} pods are available;
 * {@code Progressing} true with {@code NewReplicaSetAvailable} once complete, {@code ReplicaSetUpdated} whenever the
 * rollout moves, and false with {@code ProgressDeadlineExceeded} when it has not moved for
 * {@code progressDeadlineSeconds}; the ReplicaSets' {@code ReplicaFailure}. A rollout that is neither complete nor
 * timed out is reconciled again when its deadline would pass. Stateless.
 */
final class DeploymentStatuses {
    private DeploymentStatuses() {
    }

    /** The counts and {@code Available} condition, keeping the other conditions. */
    static DeploymentStatus calculate(DeploymentSync sync, List<ReplicaSet> all, ReplicaSet newRs) {
        Deployment d = sync.deployment();
        int available = ReplicaSets.sum(all, ReplicaSets::availableReplicas);
        int total = ReplicaSets.sum(all, ReplicaSets::replicas);
        DeploymentStatus old = d.status() == null ? Conditions.empty() : d.status();
        List<DeploymentCondition> conditions = old.conditions();
        boolean minimum = available >= Deployments.replicas(d) - Deployments.maxUnavailable(d);
        conditions = Conditions.set(conditions, minimum
                ? Conditions.of(DeploymentCondition.AVAILABLE, WorkloadCondition.TRUE, Conditions.MIN_AVAILABLE,
                        "Deployment has minimum availability.", sync.now())
                : Conditions.of(DeploymentCondition.AVAILABLE, WorkloadCondition.FALSE, Conditions.MIN_UNAVAILABLE,
                        "Deployment does not have minimum availability.", sync.now()));
        return new DeploymentStatus(sync.generation(), ReplicaSets.sum(all, ReplicaSets::statusReplicas),
                ReplicaSets.statusReplicas(newRs), ReplicaSets.sum(all, ReplicaSets::readyReplicas), available,
                Math.max(0, total - available), conditions, old.collisionCount());
    }

    /** Kubernetes' {@code syncDeploymentStatus}: counts only, no progress estimation. */
    static Result syncStatus(DeploymentSync sync, NewReplicaSets.Split split) {
        ReplicaSet newRs = sync.current(split.newRs());
        sync.writeStatus(calculate(sync, sync.current(split.all()), newRs));
        return Result.done();
    }

    /** Kubernetes' {@code syncRolloutStatus}: counts, progress, failures; the delay to the next deadline check. */
    static Result syncRolloutStatus(DeploymentSync sync, NewReplicaSets.Split split) {
        Deployment d = sync.deployment();
        ReplicaSet newRs = sync.current(split.newRs());
        List<ReplicaSet> all = sync.current(split.all());
        DeploymentStatus next = calculate(sync, all, newRs);
        if (!Deployments.hasProgressDeadline(d)) {
            next = Conditions.withConditions(next, Conditions.remove(next.conditions(),
                    DeploymentCondition.PROGRESSING));
        }
        Optional<DeploymentCondition> current = Conditions.get(d.status(), DeploymentCondition.PROGRESSING);
        boolean completeBefore = intValue(next.replicas()) == intValue(next.updatedReplicas())
                && current.map(c -> Conditions.NEW_RS_AVAILABLE.equals(c.reason())).orElse(false);
        if (Deployments.hasProgressDeadline(d) && !completeBefore) {
            next = progress(sync, d, next, newRs, current);
        }
        next = replicaFailure(next, newRs, all);
        if (next.equals(d.status())) {
            return requeueStuck(sync, d, next);
        }
        sync.writeStatus(next);
        return requeueStuck(sync, d, next);
    }

    private static DeploymentStatus progress(DeploymentSync sync, Deployment d, DeploymentStatus next,
                                             ReplicaSet newRs, Optional<DeploymentCondition> current) {
        String subject = newRs != null ? "ReplicaSet \"" + newRs.metadata().name() + "\""
                : "Deployment \"" + d.metadata().name() + "\"";
        if (isComplete(d, next)) {
            return Conditions.withCondition(next, Conditions.of(DeploymentCondition.PROGRESSING,
                    WorkloadCondition.TRUE, Conditions.NEW_RS_AVAILABLE, subject + " has successfully progressed.",
                    sync.now()));
        }
        if (isProgressing(d, next)) {
            DeploymentCondition c = Conditions.of(DeploymentCondition.PROGRESSING, WorkloadCondition.TRUE,
                    Conditions.RS_UPDATED, subject + " is progressing.", sync.now());
            List<DeploymentCondition> conditions = next.conditions();
            if (current.isPresent()) {
                if (current.get().isTrue()) {
                    c = new DeploymentCondition(c.type(), c.status(), c.lastUpdateTime(),
                            current.get().lastTransitionTime(), c.reason(), c.message());
                }
                conditions = Conditions.remove(conditions, DeploymentCondition.PROGRESSING);
            }
            List<DeploymentCondition> out = new ArrayList<>(conditions);
            out.add(c);
            return Conditions.withConditions(next, out);
        }
        if (isTimedOut(d, next, sync.now())) {
            return Conditions.withCondition(next, Conditions.of(DeploymentCondition.PROGRESSING,
                    WorkloadCondition.FALSE, Conditions.TIMED_OUT, subject + " has timed out progressing.",
                    sync.now()));
        }
        return next;
    }

    /** Moves the first {@code ReplicaFailure} of the ReplicaSets (the new one first) into the Deployment. */
    private static DeploymentStatus replicaFailure(DeploymentStatus next, ReplicaSet newRs, List<ReplicaSet> all) {
        List<ReplicaSet> order = new ArrayList<>();
        if (newRs != null) {
            order.add(newRs);
        }
        order.addAll(all);
        for (ReplicaSet rs : order) {
            if (rs == null || rs.status() == null) {
                continue;
            }
            for (WorkloadCondition c : rs.status().conditions()) {
                if (DeploymentCondition.REPLICA_FAILURE.equals(c.type())) {
                    return Conditions.withCondition(next, new DeploymentCondition(c.type(), c.status(),
                            c.lastTransitionTime(), c.lastTransitionTime(), c.reason(), c.message()));
                }
            }
        }
        return Conditions.withConditions(next, Conditions.remove(next.conditions(),
                DeploymentCondition.REPLICA_FAILURE));
    }

    /** Every pod updated and available, none old, and the spec observed ({@code DeploymentComplete}). */
    static boolean isComplete(Deployment d, DeploymentStatus status) {
        if (status == null) {
            return false;
        }
        int replicas = Deployments.replicas(d);
        long generation = d.metadata().generation() == null ? 0 : d.metadata().generation();
        return intValue(status.updatedReplicas()) == replicas && intValue(status.replicas()) == replicas
                && intValue(status.availableReplicas()) == replicas
                && (status.observedGeneration() == null ? 0 : status.observedGeneration()) >= generation;
    }

    /** Whether {@code next} shows progress over the stored status ({@code DeploymentProgressing}). */
    private static boolean isProgressing(Deployment d, DeploymentStatus next) {
        DeploymentStatus old = d.status() == null ? Conditions.empty() : d.status();
        int oldOld = intValue(old.replicas()) - intValue(old.updatedReplicas());
        int newOld = intValue(next.replicas()) - intValue(next.updatedReplicas());
        return intValue(next.updatedReplicas()) > intValue(old.updatedReplicas()) || newOld < oldOld
                || intValue(next.readyReplicas()) > intValue(old.readyReplicas())
                || intValue(next.availableReplicas()) > intValue(old.availableReplicas());
    }

    /** Whether the Progressing condition has not been updated for the deadline ({@code DeploymentTimedOut}). */
    private static boolean isTimedOut(Deployment d, DeploymentStatus next, Instant now) {
        Optional<DeploymentCondition> c = next.condition(DeploymentCondition.PROGRESSING);
        if (c.isEmpty() || Conditions.NEW_RS_AVAILABLE.equals(c.get().reason())) {
            return false;
        }
        if (Conditions.TIMED_OUT.equals(c.get().reason())) {
            return true;
        }
        Instant from = c.get().lastUpdateTime();
        return from != null && from.plusSeconds(Deployments.progressDeadlineSeconds(d)).isBefore(now);
    }

    /** Kubernetes' {@code requeueStuckDeployment}: when to look again for a deadline that may pass. */
    private static Result requeueStuck(DeploymentSync sync, Deployment d, DeploymentStatus next) {
        Optional<DeploymentCondition> c = Conditions.get(d.status(), DeploymentCondition.PROGRESSING);
        if (!Deployments.hasProgressDeadline(d) || c.isEmpty() || isComplete(d, next)
                || Conditions.TIMED_OUT.equals(c.get().reason()) || c.get().lastUpdateTime() == null) {
            return Result.done();
        }
        Instant deadline = c.get().lastUpdateTime().plusSeconds(Deployments.progressDeadlineSeconds(d));
        Duration after = Duration.between(sync.now(), deadline);
        if (after.compareTo(Duration.ofSeconds(1)) < 0) {
            return Result.requeueAfter(Duration.ofSeconds(1));
        }
        return Result.requeueAfter(after.plusSeconds(1));
    }

    /** Kubernetes' {@code checkPausedConditions}: Progressing Unknown while paused, and on resume. */
    static void checkPaused(DeploymentSync sync) {
        Deployment d = sync.deployment();
        if (!Deployments.hasProgressDeadline(d)) {
            return;
        }
        Optional<DeploymentCondition> c = Conditions.get(d.status(), DeploymentCondition.PROGRESSING);
        if (c.map(x -> Conditions.TIMED_OUT.equals(x.reason())).orElse(false)) {
            return;
        }
        boolean pausedCondition = c.map(x -> Conditions.PAUSED.equals(x.reason())).orElse(false);
        if (Deployments.isPaused(d) && !pausedCondition) {
            sync.writeStatus(Conditions.withCondition(d.status(), Conditions.of(DeploymentCondition.PROGRESSING,
                    WorkloadCondition.UNKNOWN, Conditions.PAUSED, "Deployment is paused", sync.now())));
        } else if (!Deployments.isPaused(d) && pausedCondition) {
            sync.writeStatus(Conditions.withCondition(d.status(), Conditions.of(DeploymentCondition.PROGRESSING,
                    WorkloadCondition.UNKNOWN, Conditions.RESUMED, "Deployment is resumed", sync.now())));
        }
    }

    private static int intValue(Integer value) {
        return value == null ? 0 : value;
    }
}
