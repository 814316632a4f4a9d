package io.flotilla.core.controllers.daemonset;

import io.flotilla.api.apps.DaemonSet;
import io.flotilla.api.apps.DaemonSetStatus;
import io.flotilla.api.apps.DaemonSetUpdateStrategy;
import io.flotilla.api.apps.RollingUpdateDaemonSet;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.meta.IntOrString;
import io.flotilla.core.apiserver.DeleteOptions;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.controllers.support.Expectations;
import io.flotilla.core.controllers.support.Pods;
import io.flotilla.core.controllers.support.TemplateHash;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/*
 * Design notes: one pass of Kubernetes' DaemonSetsController.syncDaemonSet. Pods are grouped by the node they are
 * meant for. manage() makes each node hold what its placement asks (create on eligible nodes without a pod, delete
 * failed pods, duplicates, pods on nodes that evict them, and force-delete pods of vanished nodes); then the rolling
 * update replaces outdated pods within maxUnavailable (delete first) or maxSurge (create first, delete the old pod
 * once the new one is available). Nodes are visited in name order, so the order of replacement is deterministic
 * (Kubernetes' is map order).
 */

/** One reconcile pass over one DaemonSet; not thread-safe, used once. */
final class DaemonSync {
    /** What a pass needs besides the DaemonSet, its pods and the nodes. */
    record Tools(Client client, Clock clock, EventRecorder recorder, Expectations expectations) {
    }

    private final Tools tools;
    private final String key;
    private final DaemonSet ds;
    private final String hash;
    private final Instant now;
    private final int minReadySeconds;
    private final Map<String, Node> nodes = new TreeMap<>();
    private final Map<String, DaemonPods.Placement> placements = new HashMap<>();
    private final Map<String, List<Pod>> live = new TreeMap<>();
    private final List<Pod> failed = new ArrayList<>();
    private final List<Pod> orphaned = new ArrayList<>();

    DaemonSync(Tools tools, String key, DaemonSet ds, List<Pod> owned, List<Node> allNodes) {
        this.tools = tools;
        this.key = key;
        this.ds = ds;
        this.hash = TemplateHash.of(ds.spec().template(), ds.status() == null ? null : ds.status().collisionCount());
        this.now = tools.clock().now();
        this.minReadySeconds = ds.spec().minReadySeconds() == null ? 0 : ds.spec().minReadySeconds();
        for (Node node : allNodes) {
            nodes.put(node.metadata().name(), node);
            placements.put(node.metadata().name(), DaemonPods.placement(ds, node));
            live.put(node.metadata().name(), new ArrayList<>());
        }
        for (Pod pod : owned) {
            String target = DaemonPods.targetNode(pod);
            if (Pods.isTerminating(pod) || target == null) {
                continue;
            }
            if (!nodes.containsKey(target)) {
                orphaned.add(pod);
            } else if (PodStatus.FAILED.equals(pod.phase())) {
                failed.add(pod);
            } else if (!pod.isTerminal()) {
                live.get(target).add(pod);
            }
        }
        live.values().forEach(list -> list.sort(Comparator.comparing((Pod p) -> p.metadata().creationTimestamp())
                .thenComparing(p -> p.metadata().name())));
    }

    /** Runs the pass: make every node hold what it should, then roll out the template. */
    Result run() {
        manage();
        DaemonSetUpdateStrategy strategy = ds.spec().updateStrategy();
        if (strategy == null || !DaemonSetUpdateStrategy.ON_DELETE.equals(strategy.type())) {
            RollingUpdateDaemonSet rolling = strategy == null ? null : strategy.rollingUpdate();
            int desired = desired();
            int surge = scaled(rolling == null ? null : rolling.maxSurge(), RollingUpdateDaemonSet.DEFAULT_MAX_SURGE,
                    desired);
            if (surge > 0) {
                surgeUpdate(surge);
            } else {
                unavailableUpdate(Math.max(1, scaled(rolling == null ? null : rolling.maxUnavailable(),
                        RollingUpdateDaemonSet.DEFAULT_MAX_UNAVAILABLE, desired)));
            }
        }
        return availabilityRecheck();
    }

    private static int scaled(IntOrString value, IntOrString fallback, int total) {
        return (value == null ? fallback : value).scaledValue(total, true);
    }

    private void manage() {
        failed.forEach(pod -> {
            tools.recorder().warning(ds, "FailedDaemonPod", "Found failed daemon pod %s/%s on node %s, will try to"
                    + " kill it", pod.metadata().namespace(), pod.metadata().name(), DaemonPods.targetNode(pod));
            delete(pod, false);
        });
        orphaned.forEach(pod -> delete(pod, true));
        for (Map.Entry<String, List<Pod>> e : live.entrySet()) {
            DaemonPods.Placement placement = placements.get(e.getKey());
            List<Pod> pods = e.getValue();
            if (placement.shouldRun() && pods.isEmpty()) {
                create(e.getKey());
            } else if (placement.shouldRun() && pods.size() > 1) {
                dropDuplicates(pods);
            } else if (!placement.shouldContinueRunning()) {
                List.copyOf(pods).forEach(pod -> deleteLive(e.getKey(), pod));
            }
        }
    }

    /** Keeps one pod per node: the oldest, or during a surge the oldest old pod and the newest updated pod. */
    private void dropDuplicates(List<Pod> pods) {
        Pod oldest = pods.get(0);
        Pod newestUpdated = pods.stream().filter(this::isUpdated).reduce((a, b) -> b).orElse(null);
        Pod keepOld = pods.stream().filter(p -> !isUpdated(p)).findFirst().orElse(null);
        for (Pod pod : List.copyOf(pods)) {
            boolean keep = pod == oldest || (pod == newestUpdated && keepOld != null && pod != keepOld);
            if (!keep) {
                deleteLive(DaemonPods.targetNode(pod), pod);
            }
        }
    }

    /** maxSurge 0: delete outdated pods, unavailable ones freely, available ones within maxUnavailable. */
    private void unavailableUpdate(int maxUnavailable) {
        int unavailable = 0;
        List<Pod> allowed = new ArrayList<>();
        List<Pod> candidates = new ArrayList<>();
        for (String node : eligibleNodes()) {
            Pod updated = updatedPod(node);
            Pod old = oldPod(node);
            if (old == null) {
                unavailable += updated == null || !isAvailable(updated) ? 1 : 0;
            } else if (!isAvailable(old)) {
                allowed.add(old);
                unavailable++;
            } else if (unavailable < maxUnavailable) {
                candidates.add(old);
            }
        }
        int remaining = Math.max(0, maxUnavailable - unavailable);
        allowed.addAll(candidates.subList(0, Math.min(remaining, candidates.size())));
        for (Pod pod : allowed) {
            deleteLive(DaemonPods.targetNode(pod), pod);
        }
    }

    /** maxSurge &gt; 0: start updated pods next to old ones; delete each old pod once its successor is available. */
    private void surgeUpdate(int maxSurge) {
        int surging = 0;
        List<String> allowed = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        for (String node : eligibleNodes()) {
            Pod updated = updatedPod(node);
            Pod old = oldPod(node);
            if (old == null) {
                continue;
            }
            if (updated == null) {
                (isAvailable(old) ? candidates : allowed).add(node);
            } else if (isAvailable(updated)) {
                deleteLive(node, old);
            } else {
                surging++;
            }
        }
        int remaining = Math.max(0, maxSurge - surging);
        allowed.addAll(candidates.subList(0, Math.min(remaining, candidates.size())));
        allowed.forEach(this::create);
    }

    private List<String> eligibleNodes() {
        return live.keySet().stream().filter(n -> placements.get(n).shouldRun()).toList();
    }

    private Pod updatedPod(String node) {
        return live.get(node).stream().filter(this::isUpdated).reduce((a, b) -> b).orElse(null);
    }

    private Pod oldPod(String node) {
        return live.get(node).stream().filter(p -> !isUpdated(p)).findFirst().orElse(null);
    }

    private boolean isUpdated(Pod pod) {
        return hash.equals(pod.metadata().labels().get(DaemonSetController.REVISION_LABEL));
    }

    private boolean isAvailable(Pod pod) {
        return Pods.isAvailable(pod, minReadySeconds, now);
    }

    private int desired() {
        return (int) placements.values().stream().filter(DaemonPods.Placement::shouldRun).count();
    }

    /** When a ready pod will count as available, reconcile again then. */
    private Result availabilityRecheck() {
        return live.values().stream().flatMap(List::stream)
                .map(p -> Pods.availableIn(p, minReadySeconds, now).orElse(Duration.ZERO))
                .filter(d -> !d.isZero()).min(Comparator.naturalOrder())
                .map(Result::requeueAfter).orElse(Result.done());
    }

    /** Kubernetes' updateDaemonSetStatus, over the pods as this pass left them. */
    DaemonSetStatus status() {
        int desired = 0;
        int current = 0;
        int misscheduled = 0;
        int ready = 0;
        int available = 0;
        int updated = 0;
        for (Map.Entry<String, List<Pod>> e : live.entrySet()) {
            boolean scheduled = !e.getValue().isEmpty();
            if (!placements.get(e.getKey()).shouldRun()) {
                misscheduled += scheduled ? 1 : 0;
                continue;
            }
            desired++;
            if (!scheduled) {
                continue;
            }
            current++;
            Pod pod = e.getValue().get(0);
            ready += pod.isReady() ? 1 : 0;
            available += isAvailable(pod) ? 1 : 0;
            updated += e.getValue().stream().anyMatch(this::isUpdated) ? 1 : 0;
        }
        DaemonSetStatus old = ds.status();
        return new DaemonSetStatus(current, misscheduled, desired, ready, ds.metadata().generation(), updated,
                available, desired - available, old == null ? null : old.collisionCount(),
                old == null ? List.of() : old.conditions());
    }

    private void create(String node) {
        try {
            Pod created = tools.client().pods().create(DaemonPods.newPod(ds, node, hash));
            tools.expectations().created(key, created);
            live.get(node).add(created);
            tools.recorder().normal(ds, "SuccessfulCreate", "Created pod: %s", created.metadata().name());
        } catch (StoreException.AlreadyExists raced) {
            // generated names do not clash
        }
    }

    private void deleteLive(String node, Pod pod) {
        delete(pod, false);
        List<Pod> pods = live.get(node);
        if (pods != null) {
            pods.remove(pod);
        }
    }

    /** Deletes a pod; {@code force} skips the grace period (its node is gone, no agent will confirm). */
    private void delete(Pod pod, boolean force) {
        DeleteOptions options = force ? DeleteOptions.defaults().withGracePeriodSeconds(0) : DeleteOptions.defaults();
        try {
            tools.client().pods().inNamespace(pod.metadata().namespace()).delete(pod.metadata().name(), options);
            tools.expectations().deleted(key, pod);
            tools.recorder().normal(ds, "SuccessfulDelete", "Deleted pod: %s", pod.metadata().name());
        } catch (StoreException.NotFound gone) {
            // already gone
        }
    }
}
