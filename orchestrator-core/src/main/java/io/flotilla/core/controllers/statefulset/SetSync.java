package io.flotilla.core.controllers.statefulset;

import io.flotilla.api.apps.RollingUpdateStatefulSetStrategy;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.flotilla.api.apps.StatefulSetSpec;
import io.flotilla.api.apps.StatefulSetStatus;
import io.flotilla.api.apps.StatefulSetUpdateStrategy;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.IntOrString;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.controllers.support.Expectations;
import io.flotilla.core.controllers.support.Pods;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/*
 * Design notes: one pass of Kubernetes' StatefulSetControl.updateStatefulSet. The pods are split into replicas
 * (ordinals in [start, start + replicas), one slot each, null when missing) and condemned (the rest, highest ordinal
 * first). In OrderedReady ("monotonic") mode each step returns as soon as it has acted or found a pod it must wait
 * for; in Parallel mode it acts on every pod it can. The pass ends with the rolling update, which deletes outdated
 * pods from the highest ordinal down to the partition, within maxUnavailable (default 1) counting every unhealthy
 * pod; a deleted pod comes back at the update revision on a later pass.
 */

/** One reconcile pass over one StatefulSet; not thread-safe, used once. */
final class SetSync {
    /** What a pass needs besides the set and its pods. */
    record Tools(Client client, Lister<PersistentVolumeClaim> claims, Clock clock, EventRecorder recorder,
                 Expectations expectations) {
    }

    private static final Duration RECHECK = Duration.ofSeconds(10);

    private final Tools tools;
    private final String key;
    private final StatefulSet set;
    private final StatefulSetSpec spec;
    private final Revisions revisions;
    private final Instant now;
    private final int start;
    private final int minReadySeconds;
    private final boolean monotonic;
    private final Pod[] replicas;
    private final List<Pod> condemned = new ArrayList<>();

    SetSync(Tools tools, String key, StatefulSet set, List<Pod> owned, Revisions revisions) {
        this.tools = tools;
        this.key = key;
        this.set = set;
        this.spec = set.spec();
        this.revisions = revisions;
        this.now = tools.clock().now();
        this.start = StatefulPods.startOrdinal(set);
        this.minReadySeconds = spec.minReadySeconds() == null ? 0 : spec.minReadySeconds();
        this.monotonic = !StatefulSetSpec.PARALLEL.equals(spec.podManagementPolicy());
        this.replicas = new Pod[spec.effectiveReplicas()];
        for (Pod pod : owned) {
            int ordinal = StatefulPods.ordinal(set, pod);
            if (ordinal >= start && ordinal < start + replicas.length) {
                replicas[ordinal - start] = pod;
            } else if (ordinal >= 0) {
                condemned.add(pod);
            }
        }
        condemned.sort(Comparator.comparingInt((Pod p) -> StatefulPods.ordinal(set, p)).reversed());
    }

    /** Runs the pass: replicas in order, then condemned pods, then the rolling update. */
    Result run() {
        Result result = processReplicas();
        if (result == null) {
            result = processCondemned();
        }
        deleteScaledDownClaims();
        if (result == null) {
            result = rollingUpdate();
        }
        return result;
    }

    /** The status the pods make, as Kubernetes computes it after a pass. */
    StatefulSetStatus status() {
        StatefulSetStatus old = set.status();
        int created = 0;
        int ready = 0;
        int available = 0;
        int current = 0;
        int updated = 0;
        List<Pod> all = new ArrayList<>(condemned);
        for (Pod pod : replicas) {
            if (pod != null) {
                all.add(pod);
            }
        }
        for (Pod pod : all) {
            created++;
            if (Pods.isRunningAndReady(pod)) {
                ready++;
                if (Pods.isAvailable(pod, minReadySeconds, now)) {
                    available++;
                }
            }
            if (!Pods.isTerminating(pod)) {
                String revision = StatefulPods.revision(pod);
                current += revisions.current().equals(revision) ? 1 : 0;
                updated += revisions.update().equals(revision) ? 1 : 0;
            }
        }
        String currentRevision = revisions.current();
        if (isRollingUpdate() && updated == created && ready == created) {
            currentRevision = revisions.update();
            current = updated;
        }
        return new StatefulSetStatus(set.metadata().generation(), created, ready, current, updated,
                currentRevision, revisions.update(), old == null ? null : old.collisionCount(),
                old == null ? List.of() : old.conditions(), available);
    }

    private Result processReplicas() {
        for (int i = 0; i < replicas.length; i++) {
            Pod pod = replicas[i];
            int ordinal = start + i;
            if (pod != null && pod.isTerminal() && !Pods.isTerminating(pod)) {
                tools.recorder().normal(set, "RecreatingFailedPod", "StatefulSet %s/%s is recreating %s Pod %s",
                        set.metadata().namespace(), set.metadata().name(), pod.phase().toLowerCase(),
                        pod.metadata().name());
                delete(pod);
                replicas[i] = null;
                if (monotonic) {
                    return Result.done();
                }
                continue;
            }
            if (pod == null) {
                if (!ensureClaims(ordinal)) {
                    return Result.requeueAfter(RECHECK);
                }
                replicas[i] = create(ordinal);
                if (monotonic) {
                    return Result.done();
                }
                continue;
            }
            if (Pods.isTerminating(pod)) {
                if (monotonic) {
                    return Result.done();
                }
                continue;
            }
            ensureClaims(ordinal);
            Result wait = healthWait(pod);
            if (wait != null && monotonic) {
                return wait;
            }
        }
        return null;
    }

    /** {@code null} if the pod is running, ready and available, else what to wait for. */
    private Result healthWait(Pod pod) {
        if (!Pods.isRunningAndReady(pod)) {
            return Result.done();
        }
        Duration in = Pods.availableIn(pod, minReadySeconds, now).orElse(Duration.ZERO);
        return in.isZero() ? null : Result.requeueAfter(in);
    }

    private boolean isHealthy(Pod pod) {
        return pod != null && !Pods.isTerminating(pod) && healthWait(pod) == null;
    }

    private Result processCondemned() {
        for (Pod pod : replicas) {
            if (monotonic && !isHealthy(pod)) {
                return Result.done();
            }
        }
        Pod firstUnhealthy = condemned.stream().filter(p -> !isHealthy(p)).findFirst().orElse(null);
        for (Pod pod : condemned) {
            if (Pods.isTerminating(pod)) {
                if (monotonic) {
                    return Result.done();
                }
                continue;
            }
            if (monotonic && firstUnhealthy != null && firstUnhealthy != pod) {
                return Result.done();
            }
            tools.recorder().normal(set, "SuccessfulDelete", "delete Pod %s in StatefulSet %s successful",
                    pod.metadata().name(), set.metadata().name());
            delete(pod);
            if (monotonic) {
                return Result.done();
            }
        }
        return null;
    }

    private Result rollingUpdate() {
        if (!isRollingUpdate()) {
            return Result.done();
        }
        RollingUpdateStatefulSetStrategy rolling = spec.updateStrategy() == null ? null
                : spec.updateStrategy().rollingUpdate();
        int partition = rolling == null || rolling.partition() == null ? 0 : rolling.partition();
        IntOrString max = rolling == null || rolling.maxUnavailable() == null ? IntOrString.of(1)
                : rolling.maxUnavailable();
        int budget = Math.max(1, max.scaledValue(replicas.length, false));
        for (Pod pod : replicas) {
            budget -= isHealthy(pod) ? 0 : 1;
        }
        for (int target = replicas.length - 1; target >= partition; target--) {
            Pod pod = replicas[target];
            if (pod == null || Pods.isTerminating(pod) || revisions.update().equals(StatefulPods.revision(pod))) {
                continue;
            }
            if (budget <= 0) {
                break;
            }
            tools.recorder().normal(set, "SuccessfulDelete", "delete Pod %s in StatefulSet %s successful",
                    pod.metadata().name(), set.metadata().name());
            delete(pod);
            budget--;
        }
        return Result.done();
    }

    private boolean isRollingUpdate() {
        return spec.updateStrategy() == null || spec.updateStrategy().type() == null
                || StatefulSetUpdateStrategy.ROLLING_UPDATE.equals(spec.updateStrategy().type());
    }

    /** Kubernetes' newVersionedStatefulSetPod: below the partition a new pod gets the current revision. */
    private String revisionFor(int ordinal) {
        if (!isRollingUpdate()) {
            return revisions.update();
        }
        RollingUpdateStatefulSetStrategy rolling = spec.updateStrategy() == null ? null
                : spec.updateStrategy().rollingUpdate();
        StatefulSetStatus status = set.status();
        boolean current;
        if (rolling == null || rolling.partition() == null) {
            int currentReplicas = status == null || status.currentReplicas() == null ? 0 : status.currentReplicas();
            current = ordinal < start + currentReplicas;
        } else {
            current = ordinal < start + rolling.partition();
        }
        return current ? revisions.current() : revisions.update();
    }

    private Pod create(int ordinal) {
        String revision = revisionFor(ordinal);
        Pod pod = StatefulPods.newPod(set, revisions.template(revision), revision, ordinal);
        Pod created;
        try {
            created = tools.client().pods().create(pod);
        } catch (StoreException.AlreadyExists exists) {
            return null;
        }
        tools.expectations().created(key, created);
        tools.recorder().normal(set, "SuccessfulCreate", "create Pod %s in StatefulSet %s successful",
                created.metadata().name(), set.metadata().name());
        return created;
    }

    private void delete(Pod pod) {
        try {
            tools.client().pods().inNamespace(pod.metadata().namespace()).delete(pod.metadata().name());
            tools.expectations().deleted(key, pod);
        } catch (StoreException.NotFound gone) {
            // already gone
        }
    }

    /**
     * Creates the missing claims of {@code ordinal}; false if one of them is being deleted (the pod must wait for
     * it to go, as Kubernetes refuses to start a pod on a claim that is being deleted).
     */
    private boolean ensureClaims(int ordinal) {
        String ns = set.metadata().namespace();
        boolean ready = true;
        for (PersistentVolumeClaim template : spec.volumeClaimTemplates()) {
            String name = StatefulPods.claimName(set, template, ordinal);
            PersistentVolumeClaim existing = tools.claims().get(ns, name).orElse(null);
            if (existing != null) {
                if (existing.metadata().isDeleting()) {
                    ready = false;
                }
                continue;
            }
            try {
                tools.client().persistentVolumeClaims().create(
                        StatefulPods.newClaim(set, template, ordinal, retention(true)));
                tools.recorder().normal(set, "SuccessfulCreate", "create Claim %s Pod %s in StatefulSet %s success",
                        name, StatefulPods.podName(set, ordinal), set.metadata().name());
            } catch (StoreException.AlreadyExists raced) {
                // created by an earlier pass the cache does not show yet
            }
        }
        if (!ready) {
            tools.recorder().warning(set, "FailedCreate", "a claim of Pod %s is being deleted",
                    StatefulPods.podName(set, ordinal));
        }
        return ready;
    }

    /** Whether the claims are deleted on set deletion ({@code whenDeleted}) or on scale-down. */
    private boolean retention(boolean whenDeleted) {
        StatefulSetPersistentVolumeClaimRetentionPolicy policy = spec.persistentVolumeClaimRetentionPolicy();
        String value = policy == null ? null : whenDeleted ? policy.whenDeleted() : policy.whenScaled();
        return StatefulSetPersistentVolumeClaimRetentionPolicy.DELETE.equals(value);
    }

    /**
     * With {@code whenScaled: Delete}, deletes the claims of ordinals beyond the replicas once their pod is gone;
     * with the default {@code Retain} they stay, to be reattached when the set scales up again.
     */
    private void deleteScaledDownClaims() {
        if (!retention(false) || spec.volumeClaimTemplates().isEmpty()) {
            return;
        }
        String ns = set.metadata().namespace();
        List<Integer> alive = condemned.stream().map(p -> StatefulPods.ordinal(set, p)).toList();
        for (PersistentVolumeClaim template : spec.volumeClaimTemplates()) {
            String prefix = template.metadata().name() + "-" + set.metadata().name() + "-";
            for (PersistentVolumeClaim claim : tools.claims().list(ns)) {
                int ordinal = StatefulPods.ordinalOf(prefix, claim.metadata().name());
                boolean beyond = ordinal >= 0 && (ordinal < start || ordinal >= start + replicas.length);
                if (beyond && !alive.contains(ordinal) && !claim.metadata().isDeleting()
                        && spec.selector().matches(claim.metadata().labels())) {
                    try {
                        tools.client().persistentVolumeClaims().inNamespace(ns).delete(claim.metadata().name());
                    } catch (StoreException.NotFound gone) {
                        // already gone
                    }
                }
            }
        }
    }
}
