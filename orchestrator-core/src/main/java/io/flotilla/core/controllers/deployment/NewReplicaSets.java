package io.flotilla.core.controllers.deployment;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.DeploymentCondition;
import io.flotilla.api.apps.DeploymentStatus;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.apps.ReplicaSetSpec;
import io.flotilla.api.apps.WorkloadCondition;
import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.core.controllers.support.TemplateHash;
import io.flotilla.core.store.StoreException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds or creates a Deployment's new ReplicaSet and keeps revisions in step, as Kubernetes'
 * {@code getAllReplicaSetsAndSyncRevision}: the new ReplicaSet gets revision "highest old revision + 1" (a
 * rollback to an old ReplicaSet moves its earlier revision into {@code revision-history}), the Deployment's
 * annotations and {@code minReadySeconds}; the Deployment gets the new revision. A name clash with a ReplicaSet that
 * is not this Deployment's (a hash collision) bumps {@code status.collisionCount}, which changes the next hash.
 */
final class NewReplicaSets {
    /** Kubernetes' limit on the length of the {@code revision-history} annotation. */
    static final int MAX_REVISION_HISTORY_CHARS = 2000;

    private NewReplicaSets() {
    }

    /** A Deployment's new ReplicaSet ({@code null} if none) and the others. */
    record Split(ReplicaSet newRs, List<ReplicaSet> oldRss) {
        /** The old ones followed by the new one, if any. */
        List<ReplicaSet> all() {
            List<ReplicaSet> all = new ArrayList<>(oldRss);
            if (newRs != null) {
                all.add(newRs);
            }
            return all;
        }
    }

    /**
     * Splits the ReplicaSets into new and old, syncing the revision; creates the new one if absent and
     * {@code create}.
     *
     * @throws RuntimeException the API's error if creating failed (the status says so when progress is tracked)
     */
    static Split sync(DeploymentSync sync, boolean create) {
        List<ReplicaSet> sets = sync.sets();
        ReplicaSet existing = ReplicaSets.findNew(sync.deployment(), sets).orElse(null);
        List<ReplicaSet> old = ReplicaSets.others(sets, existing);
        String newRevision = Long.toString(ReplicaSets.maxRevision(old) + 1);
        if (existing != null) {
            return new Split(syncExisting(sync, existing, newRevision), old);
        }
        return new Split(create ? createNew(sync, old, newRevision) : null, old);
    }

    private static ReplicaSet syncExisting(DeploymentSync sync, ReplicaSet rs, String newRevision) {
        Deployment d = sync.deployment();
        Map<String, String> annotations = annotations(sync, rs.metadata().annotations(), newRevision, true);
        int minReady = Deployments.minReadySeconds(d);
        Integer rsMinReady = rs.spec().minReadySeconds();
        if (!annotations.equals(rs.metadata().annotations()) || (rsMinReady == null ? 0 : rsMinReady) != minReady) {
            ReplicaSet updated = sync.client().replicaSets().update(rs.metadata().namespace(), rs.metadata().name(),
                    r -> r.withMetadata(r.metadata().toBuilder().annotations(annotations).build())
                            .withSpec(new ReplicaSetSpec(r.spec().replicas(), minReady, r.spec().selector(),
                                    r.spec().template())));
            sync.add(updated);
            return updated;
        }
        sync.setRevision(rs.metadata().annotations().getOrDefault(DeploymentAnnotations.REVISION, newRevision));
        if (Deployments.hasProgressDeadline(d)
                && Conditions.get(d.status(), DeploymentCondition.PROGRESSING).isEmpty()) {
            sync.writeStatus(Conditions.withCondition(d.status(), Conditions.of(DeploymentCondition.PROGRESSING,
                    WorkloadCondition.TRUE, Conditions.FOUND_NEW_RS,
                    "Found new replica set \"" + rs.metadata().name() + "\"", sync.now())));
        }
        return rs;
    }

    private static ReplicaSet createNew(DeploymentSync sync, List<ReplicaSet> old, String newRevision) {
        Deployment d = sync.deployment();
        ReplicaSet wanted = draft(sync, old, newRevision);
        String name = wanted.metadata().name();
        ReplicaSet created;
        boolean alreadyExisted = false;
        try {
            created = sync.client().replicaSets().create(wanted);
        } catch (StoreException.AlreadyExists e) {
            created = existingOrCollision(sync, name, e);
            alreadyExisted = true;
        } catch (RuntimeException e) {
            String message = "Failed to create new replica set \"" + name + "\": " + e.getMessage();
            if (Deployments.hasProgressDeadline(d)) {
                sync.writeStatus(Conditions.withCondition(d.status(), Conditions.of(DeploymentCondition.PROGRESSING,
                        WorkloadCondition.FALSE, Conditions.RS_CREATE_ERROR, message, sync.now())));
            }
            sync.recorder().warning(d, "FailedCreate", "%s", message);
            throw e;
        }
        sync.add(created);
        int replicas = ReplicaSets.replicas(wanted);
        if (!alreadyExisted && replicas > 0) {
            sync.recorder().normal(d, "ScalingReplicaSet", "Scaled up replica set %s from 0 to %d", name, replicas);
        }
        sync.setRevision(newRevision);
        if (!alreadyExisted && Deployments.hasProgressDeadline(d)) {
            sync.writeStatus(Conditions.withCondition(sync.deployment().status(), Conditions.of(
                    DeploymentCondition.PROGRESSING, WorkloadCondition.TRUE, Conditions.NEW_RS_CREATED,
                    "Created new replica set \"" + name + "\"", sync.now())));
        }
        return created;
    }

    /** The new ReplicaSet to create: named by the template hash, sized by the strategy, annotated. */
    private static ReplicaSet draft(DeploymentSync sync, List<ReplicaSet> old, String newRevision) {
        Deployment d = sync.deployment();
        Integer collisions = d.status() == null ? null : d.status().collisionCount();
        String hash = TemplateHash.of(d.spec().template(), collisions);
        PodTemplateSpec template = d.spec().template().withMetadata(
                d.spec().template().metadata().withLabel(DeploymentAnnotations.POD_TEMPLATE_HASH, hash));
        LabelSelector selector = d.spec().selector().and(DeploymentAnnotations.POD_TEMPLATE_HASH, hash);
        ReplicaSet draft = new ReplicaSet(ObjectMeta.builder().name(d.metadata().name() + "-" + hash)
                .namespace(d.metadata().namespace()).labels(template.metadata().labels())
                .ownerReference(OwnerReference.controlledBy(d)).build(),
                new ReplicaSetSpec(0, Deployments.minReadySeconds(d), selector, template), null);
        List<ReplicaSet> all = new ArrayList<>(old);
        all.add(draft);
        int replicas = Scaling.newRsReplicas(d, all, draft);
        return draft.withSpec(draft.spec().withReplicas(replicas)).withMetadata(draft.metadata().toBuilder()
                .annotations(annotations(sync, Map.of(), newRevision, false)).build());
    }

    /**
     * The ReplicaSet already named like the new one: ours if this Deployment controls it and its template is the
     * Deployment's; otherwise a hash collision, recorded in {@code status.collisionCount}, and {@code clash} is
     * rethrown so that the next reconcile retries with another hash.
     */
    private static ReplicaSet existingOrCollision(DeploymentSync sync, String name,
                                                  StoreException.AlreadyExists clash) {
        Deployment d = sync.deployment();
        ReplicaSet existing = sync.client().replicaSets().inNamespace(d.metadata().namespace()).get(name)
                .orElse(null);
        boolean ours = existing != null && existing.metadata().controllerReference()
                .filter(r -> Objects.equals(r.uid(), d.metadata().uid())).isPresent()
                && ReplicaSets.equalIgnoreHash(d.spec().template(), existing.spec().template());
        if (ours) {
            return existing;
        }
        DeploymentStatus s = d.status() == null ? Conditions.empty() : d.status();
        int collisions = s.collisionCount() == null ? 0 : s.collisionCount();
        sync.writeStatus(new DeploymentStatus(s.observedGeneration(), s.replicas(), s.updatedReplicas(),
                s.readyReplicas(), s.availableReplicas(), s.unavailableReplicas(), s.conditions(), collisions + 1));
        throw clash;
    }

    /** Kubernetes' {@code SetNewReplicaSetAnnotations}: the annotations the new ReplicaSet should carry. */
    private static Map<String, String> annotations(DeploymentSync sync, Map<String, String> current,
                                                   String newRevision, boolean exists) {
        Map<String, String> out = sync.copyAnnotations(current);
        String oldRevision = current.get(DeploymentAnnotations.REVISION);
        long oldValue;
        try {
            oldValue = oldRevision == null || oldRevision.isEmpty() ? 0 : Long.parseLong(oldRevision);
        } catch (NumberFormatException e) {
            return out;
        }
        long newValue = Long.parseLong(newRevision);
        if (oldValue < newValue) {
            out.put(DeploymentAnnotations.REVISION, newRevision);
            if (oldRevision != null && !oldRevision.isEmpty()) {
                appendHistory(out, oldRevision);
            }
        }
        if (!exists) {
            Deployment d = sync.deployment();
            out.put(DeploymentAnnotations.DESIRED_REPLICAS, Integer.toString(Deployments.replicas(d)));
            out.put(DeploymentAnnotations.MAX_REPLICAS,
                    Integer.toString(Deployments.replicas(d) + Deployments.maxSurge(d)));
        }
        return out;
    }

    /** Appends {@code oldRevision} to the revision history, dropping the oldest entries past the length limit. */
    private static void appendHistory(Map<String, String> annotations, String oldRevision) {
        String history = annotations.getOrDefault(DeploymentAnnotations.REVISION_HISTORY, "");
        if (history.isEmpty()) {
            annotations.put(DeploymentAnnotations.REVISION_HISTORY, oldRevision);
            return;
        }
        List<String> revisions = new ArrayList<>(Arrays.asList(history.split(",")));
        int total = history.length() + oldRevision.length() + 1;
        while (total > MAX_REVISION_HISTORY_CHARS && !revisions.isEmpty()) {
            total -= revisions.removeFirst().length() + 1;
        }
        if (total <= MAX_REVISION_HISTORY_CHARS) {
            revisions.add(oldRevision);
            annotations.put(DeploymentAnnotations.REVISION_HISTORY, String.join(",", revisions));
        }
    }
}
