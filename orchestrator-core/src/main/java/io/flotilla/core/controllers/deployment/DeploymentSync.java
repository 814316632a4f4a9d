package io.flotilla.core.controllers.deployment;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.DeploymentStatus;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/*
 * Design notes: the state of one reconcile of one Deployment. It holds the latest known Deployment and ReplicaSets
 * (every write replaces the cached copy with the stored result, so later steps of the same reconcile see their
 * effect), and it is the only place that writes: ReplicaSet scale, Deployment revision annotation and status.
 * The generation is fixed at the start, so the observedGeneration written never claims a spec this reconcile did
 * not act on.
 */
final class DeploymentSync {
    private final Client client;
    private final EventRecorder recorder;
    private final Clock clock;
    private final Long generation;
    private final List<ReplicaSet> sets;
    private Deployment deployment;

    DeploymentSync(Client client, EventRecorder recorder, Clock clock, Deployment deployment, List<ReplicaSet> sets) {
        this.client = client;
        this.recorder = recorder;
        this.clock = clock;
        this.deployment = deployment;
        this.generation = deployment.metadata().generation();
        this.sets = new ArrayList<>(sets);
    }

    Deployment deployment() {
        return deployment;
    }

    Long generation() {
        return generation;
    }

    Instant now() {
        return clock.now();
    }

    EventRecorder recorder() {
        return recorder;
    }

    Client client() {
        return client;
    }

    /** The Deployment's ReplicaSets, latest known versions. */
    List<ReplicaSet> sets() {
        return List.copyOf(sets);
    }

    /** The latest known version of {@code rs} ({@code null} stays {@code null}). */
    ReplicaSet current(ReplicaSet rs) {
        if (rs == null) {
            return null;
        }
        for (ReplicaSet s : sets) {
            if (Objects.equals(s.metadata().uid(), rs.metadata().uid())) {
                return s;
            }
        }
        return rs;
    }

    /** The latest known versions of {@code list}. */
    List<ReplicaSet> current(List<ReplicaSet> list) {
        List<ReplicaSet> out = new ArrayList<>(list.size());
        list.forEach(rs -> out.add(current(rs)));
        return out;
    }

    /** Records a ReplicaSet this reconcile created or found. */
    void add(ReplicaSet rs) {
        if (sets.stream().noneMatch(s -> Objects.equals(s.metadata().uid(), rs.metadata().uid()))) {
            sets.add(rs);
        } else {
            replace(rs);
        }
    }

    /**
     * Kubernetes' {@code scaleReplicaSetAndRecordEvent}: scales {@code rs} to {@code size} unless it already has
     * that size.
     *
     * @return whether it was scaled
     */
    boolean scaleIfNeeded(ReplicaSet rs, int size) {
        if (ReplicaSets.replicas(current(rs)) == size) {
            return false;
        }
        scale(rs, size);
        return true;
    }

    /**
     * Kubernetes' {@code scaleReplicaSet}: writes {@code size} and the Deployment's desired/max replica annotations
     * to {@code rs} if either differs, with a {@code ScalingReplicaSet} event when the size changes.
     */
    void scale(ReplicaSet rs, int size) {
        ReplicaSet latest = current(rs);
        int from = ReplicaSets.replicas(latest);
        String desired = Integer.toString(Deployments.replicas(deployment));
        String max = Integer.toString(Deployments.replicas(deployment) + Deployments.maxSurge(deployment));
        Map<String, String> annotations = latest.metadata().annotations();
        if (from == size && desired.equals(annotations.get(DeploymentAnnotations.DESIRED_REPLICAS))
                && max.equals(annotations.get(DeploymentAnnotations.MAX_REPLICAS))) {
            return;
        }
        ReplicaSet updated = client.replicaSets().update(latest.metadata().namespace(), latest.metadata().name(),
                r -> {
                    ObjectMeta m = r.metadata().toBuilder()
                            .annotation(DeploymentAnnotations.DESIRED_REPLICAS, desired)
                            .annotation(DeploymentAnnotations.MAX_REPLICAS, max).build();
                    return r.withMetadata(m).withSpec(r.spec().withReplicas(size));
                });
        replace(updated);
        if (from != size) {
            recorder.normal(deployment, "ScalingReplicaSet", "Scaled %s replica set %s from %d to %d",
                    size > from ? "up" : "down", latest.metadata().name(), from, size);
        }
    }

    /** Sets the Deployment's revision annotation to {@code revision} if it differs. */
    void setRevision(String revision) {
        if (revision.equals(deployment.metadata().annotations().get(DeploymentAnnotations.REVISION))) {
            return;
        }
        deployment = client.deployments().update(deployment.metadata().namespace(), deployment.metadata().name(),
                d -> d.withMetadata(d.metadata().withAnnotation(DeploymentAnnotations.REVISION, revision)));
    }

    /** Writes {@code status} if it differs from the Deployment's. */
    void writeStatus(DeploymentStatus status) {
        if (Objects.equals(status, deployment.status())) {
            return;
        }
        deployment = client.deployments().inNamespace(deployment.metadata().namespace())
                .updateStatus(deployment.metadata().name(), d -> d.withStatus(status));
    }

    /** Copies the Deployment's annotations (but the controller's own) onto {@code annotations}. */
    Map<String, String> copyAnnotations(Map<String, String> annotations) {
        Map<String, String> out = new LinkedHashMap<>(annotations);
        deployment.metadata().annotations().forEach((k, v) -> {
            if (!DeploymentAnnotations.NOT_COPIED.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private void replace(ReplicaSet rs) {
        for (int i = 0; i < sets.size(); i++) {
            if (Objects.equals(sets.get(i).metadata().uid(), rs.metadata().uid())) {
                sets.set(i, rs);
                return;
            }
        }
        sets.add(rs);
    }
}
