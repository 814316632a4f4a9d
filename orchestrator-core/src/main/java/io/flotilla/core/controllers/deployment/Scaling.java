package io.flotilla.core.controllers.deployment;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scaling a Deployment's ReplicaSets to its {@code spec.replicas}, as Kubernetes' {@code scale}: one active
 * ReplicaSet simply takes the new size; a saturated new ReplicaSet sends the old ones to zero; in the middle of a
 * rolling update the change is spread over every active ReplicaSet in proportion to its size
 * ({@code getProportion}), the rounding leftover going to the largest. Also the sizing rules shared by the
 * strategies ({@code NewRSNewReplicas}, {@code IsSaturated}, {@code isScalingEvent}). Stateless.
 */
final class Scaling {
    private Scaling() {
    }

    /** Whether an active ReplicaSet was last scaled for another {@code spec.replicas} than the current one. */
    static boolean isScalingEvent(Deployment d, NewReplicaSets.Split split) {
        int replicas = Deployments.replicas(d);
        for (ReplicaSet rs : ReplicaSets.active(split.all())) {
            Integer desired = ReplicaSets.desiredReplicas(rs).orElse(null);
            if (desired != null && desired != replicas) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code rs} was sized for this Deployment and all of its {@code spec.replicas} pods are available. */
    static boolean isSaturated(Deployment d, ReplicaSet rs) {
        if (rs == null) {
            return false;
        }
        int replicas = Deployments.replicas(d);
        return ReplicaSets.desiredReplicas(rs).map(v -> v == replicas).orElse(false)
                && ReplicaSets.availableReplicas(rs) == replicas && ReplicaSets.replicas(rs) == replicas;
    }

    /** The size the new ReplicaSet may have now: up to the surge limit for a rolling update, all for Recreate. */
    static int newRsReplicas(Deployment d, List<ReplicaSet> all, ReplicaSet newRs) {
        int replicas = Deployments.replicas(d);
        if (!Deployments.isRollingUpdate(d)) {
            return replicas;
        }
        int current = ReplicaSets.sum(all, ReplicaSets::replicas);
        int maxTotal = replicas + Deployments.maxSurge(d);
        int newSize = ReplicaSets.replicas(newRs);
        if (current >= maxTotal) {
            return newSize;
        }
        return newSize + Math.min(maxTotal - current, replicas - newSize);
    }

    /** Kubernetes' {@code scale}: brings the ReplicaSets to the Deployment's size. */
    static void scale(DeploymentSync sync, NewReplicaSets.Split split) {
        Deployment d = sync.deployment();
        ReplicaSet newRs = sync.current(split.newRs());
        List<ReplicaSet> oldRss = sync.current(split.oldRss());
        int replicas = Deployments.replicas(d);
        ReplicaSet only = ReplicaSets.activeOrLatest(newRs, oldRss);
        if (only != null) {
            if (ReplicaSets.replicas(only) != replicas) {
                sync.scaleIfNeeded(only, replicas);
            }
            return;
        }
        if (isSaturated(d, newRs)) {
            for (ReplicaSet old : ReplicaSets.active(oldRss)) {
                sync.scaleIfNeeded(old, 0);
            }
            return;
        }
        if (Deployments.isRollingUpdate(d)) {
            proportionally(sync, d, newRs, oldRss);
        }
    }

    private static void proportionally(DeploymentSync sync, Deployment d, ReplicaSet newRs,
                                       List<ReplicaSet> oldRss) {
        List<ReplicaSet> all = new ArrayList<>(oldRss);
        all.add(newRs);
        List<ReplicaSet> active = new ArrayList<>(ReplicaSets.active(all));
        int replicas = Deployments.replicas(d);
        int allowed = replicas > 0 ? replicas + Deployments.maxSurge(d) : 0;
        int toAdd = allowed - ReplicaSets.sum(active, ReplicaSets::replicas);
        if (toAdd > 0) {
            active.sort(ReplicaSets.BY_SIZE_NEWER);
        } else if (toAdd < 0) {
            active.sort(ReplicaSets.BY_SIZE_OLDER);
        }
        Map<String, Integer> sizes = new HashMap<>();
        int added = 0;
        for (ReplicaSet rs : active) {
            int proportion = toAdd == 0 ? 0 : proportion(rs, d, toAdd, added);
            sizes.put(rs.metadata().name(), ReplicaSets.replicas(rs) + proportion);
            added += proportion;
        }
        for (int i = 0; i < active.size(); i++) {
            ReplicaSet rs = active.get(i);
            int size = sizes.get(rs.metadata().name());
            if (i == 0 && toAdd != 0) {
                size = Math.max(0, size + toAdd - added);
            }
            sync.scale(rs, size);
        }
    }

    /** Kubernetes' {@code GetProportion}: this ReplicaSet's share of {@code toAdd}, within what is left. */
    static int proportion(ReplicaSet rs, Deployment d, int toAdd, int added) {
        if (rs == null || ReplicaSets.replicas(rs) == 0 || toAdd == 0 || toAdd == added) {
            return 0;
        }
        int fraction = fraction(rs, d);
        int allowed = toAdd - added;
        return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
    }

    /** Kubernetes' {@code getReplicaSetFraction}: the change that keeps this ReplicaSet's share of the maximum. */
    private static int fraction(ReplicaSet rs, Deployment d) {
        int size = ReplicaSets.replicas(rs);
        if (Deployments.replicas(d) == 0) {
            return -size;
        }
        int maxNow = Deployments.replicas(d) + Deployments.maxSurge(d);
        int maxBefore = ReplicaSets.maxReplicas(rs).orElse(0);
        if (maxBefore == 0) {
            maxBefore = d.status() == null || d.status().replicas() == null ? 0 : d.status().replicas();
            if (maxBefore == 0) {
                return 0;
            }
        }
        double scaled = (double) size * maxNow / maxBefore;
        return (int) Math.round(scaled) - size;
    }
}
