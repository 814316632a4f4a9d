package io.flotilla.junit;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.DeploymentStatus;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.apps.StatefulSetStatus;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.Cluster;
import io.flotilla.core.controllers.deployment.DeploymentRollout;
import io.flotilla.core.controllers.deployment.RolloutStatus;
import java.util.Optional;

/**
 * Assertions on a Deployment or StatefulSet (replica counts as {@code kubectl get} shows them); see
 * {@link EventualAssert} for {@code eventually} and failure messages. Not thread-safe.
 */
public final class WorkloadAssert extends EventualAssert<WorkloadAssert> {
    private final ResourceType<? extends Resource> type;
    private final String name;

    WorkloadAssert(Cluster cluster, String namespace, ResourceType<? extends Resource> type, String name) {
        super(cluster, namespace);
        this.type = type;
        this.name = name;
    }

    @Override
    protected String subject() {
        return type.kind() + " " + namespace + "/" + name;
    }

    /** Checks that the object exists. */
    public WorkloadAssert exists() {
        return check("to exist", () -> load().isPresent() ? null : "it does not exist");
    }

    /** Checks that exactly {@code n} replicas are available ({@code status.availableReplicas}). */
    public WorkloadAssert hasAvailableReplicas(int n) {
        return check("to have " + n + " available replicas", () -> ifPresent(counts(), c -> c.available == n ? null
                : "it has " + c.available + " (" + c + ")"));
    }

    /** Checks that exactly {@code n} replicas are ready ({@code status.readyReplicas}). */
    public WorkloadAssert hasReadyReplicas(int n) {
        return check("to have " + n + " ready replicas", () -> ifPresent(counts(), c -> c.ready == n ? null
                : "it has " + c.ready + " (" + c + ")"));
    }

    /** Checks that a Deployment finished rolling out, as {@code kubectl rollout status} says. */
    public WorkloadAssert isRolledOut() {
        if (type != Deployment.TYPE) {
            throw new UnsupportedOperationException("isRolledOut() is for Deployments; use hasReadyReplicas()");
        }
        return check("to be rolled out", () -> {
            if (load().isEmpty()) {
                return "it does not exist";
            }
            RolloutStatus s = DeploymentRollout.of(cluster.client(), cluster.clock(), namespace, name).status();
            return s.complete() ? null : s.message();
        });
    }

    private record Counts(int desired, int ready, int available, int updated) {
        @Override
        public String toString() {
            return "desired " + desired + ", ready " + ready + ", available " + available + ", up-to-date " + updated;
        }
    }

    private Optional<? extends Resource> load() {
        return cluster.client().resources(type).inNamespace(namespace).get(name);
    }

    private Optional<Counts> counts() {
        return load().map(r -> {
            if (r instanceof Deployment d) {
                DeploymentStatus s = d.status();
                int desired = d.spec().replicas() == null ? 1 : d.spec().replicas();
                return s == null ? new Counts(desired, 0, 0, 0)
                        : new Counts(desired, n(s.readyReplicas()), n(s.availableReplicas()), n(s.updatedReplicas()));
            }
            StatefulSet ss = (StatefulSet) r;
            StatefulSetStatus s = ss.status();
            int desired = ss.spec().replicas() == null ? 1 : ss.spec().replicas();
            return s == null ? new Counts(desired, 0, 0, 0)
                    : new Counts(desired, n(s.readyReplicas()), n(s.availableReplicas()), n(s.updatedReplicas()));
        });
    }

    private static int n(Integer i) {
        return i == null ? 0 : i;
    }
}
