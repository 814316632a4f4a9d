package io.flotilla.core.controllers.deployment;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.core.store.StoreException;
import java.util.ArrayList;
import java.util.List;

/**
 * Revision history cleanup, as Kubernetes' {@code cleanupDeployment}: beyond {@code revisionHistoryLimit} old
 * ReplicaSets, the oldest revisions are deleted, but only those scaled to zero with no pods left and whose status is
 * current. Stateless.
 */
final class History {
    private History() {
    }

    /** Deletes the old ReplicaSets past the limit that are safe to delete. */
    static void cleanup(DeploymentSync sync, List<ReplicaSet> oldRss) {
        Deployment d = sync.deployment();
        if (!Deployments.hasRevisionHistoryLimit(d)) {
            return;
        }
        List<ReplicaSet> cleanable = new ArrayList<>();
        for (ReplicaSet rs : sync.current(oldRss)) {
            if (!rs.metadata().isDeleting()) {
                cleanable.add(rs);
            }
        }
        int excess = cleanable.size() - d.spec().revisionHistoryLimit();
        if (excess <= 0) {
            return;
        }
        cleanable.sort(ReplicaSets.BY_REVISION);
        for (ReplicaSet rs : cleanable.subList(0, excess)) {
            long generation = rs.metadata().generation() == null ? 0 : rs.metadata().generation();
            long observed = rs.status() == null || rs.status().observedGeneration() == null ? 0
                    : rs.status().observedGeneration();
            if (ReplicaSets.statusReplicas(rs) != 0 || ReplicaSets.replicas(rs) != 0 || generation > observed) {
                continue;
            }
            try {
                sync.client().replicaSets().inNamespace(rs.metadata().namespace()).delete(rs.metadata().name());
            } catch (StoreException.NotFound gone) {
                // already deleted
            }
        }
    }
}
