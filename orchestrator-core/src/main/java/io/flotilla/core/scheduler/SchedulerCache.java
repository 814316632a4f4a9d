package io.flotilla.core.scheduler;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Design notes: Kubernetes' scheduler cache. Nodes map to immutable NodeInfos; every change replaces the node's
 * instance and marks the node dirty, so updateSnapshot copies only dirty entries into the snapshot. Pods are
 * tracked by id with their node and whether they are only assumed (placed by a cycle, not yet seen bound by the
 * informer). An assumed pod whose binding finished but which the informer never confirms expires after the TTL.
 * Pods may arrive before their node: the node then exists as a name-only placeholder, kept out of snapshots until
 * the Node arrives (and kept after the Node is deleted while pods remain). One lock guards everything; it is held
 * for microseconds.
 */

/** The scheduler's view of nodes and assigned (or assumed) pods. Thread-safe. */
final class SchedulerCache {

    static final String ZONE_LABEL = "topology.kubernetes.io/zone";
    static final String REGION_LABEL = "topology.kubernetes.io/region";

    private static final class PodState {
        PodInfo pod;
        String node;
        boolean assumed;
        Instant deadline;

        PodState(PodInfo pod, String node, boolean assumed) {
            this.pod = pod;
            this.node = node;
            this.assumed = assumed;
        }
    }

    private final Clock clock;
    private final Duration assumedTtl;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, NodeInfo> nodes = new LinkedHashMap<>();
    private final Map<String, PodState> pods = new HashMap<>();
    // replaced rather than cleared: a HashSet keeps its largest table, and clearing or iterating it costs its
    // capacity (thousands of buckets after the initial node list) on every cycle
    private Set<String> dirty = new HashSet<>();
    private boolean structureChanged = true;

    SchedulerCache(Clock clock, Duration assumedTtl) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.assumedTtl = Objects.requireNonNull(assumedTtl, "assumedTtl");
    }

    void addNode(Node node) {
        lock.lock();
        try {
            String name = node.metadata().name();
            NodeInfo info = nodes.get(name);
            if (info == null || info.node() == null) {
                structureChanged = true;
            }
            nodes.put(name, (info == null ? NodeInfo.empty(name) : info).withNode(node));
            dirty.add(name);
        } finally {
            lock.unlock();
        }
    }

    void removeNode(String name) {
        lock.lock();
        try {
            NodeInfo info = nodes.remove(name);
            if (info != null && !info.pods().isEmpty()) {
                NodeInfo placeholder = NodeInfo.empty(name);
                for (PodInfo p : info.pods()) {
                    placeholder = placeholder.withPod(p);
                }
                nodes.put(name, placeholder);
            }
            structureChanged = true;
        } finally {
            lock.unlock();
        }
    }

    /** Places {@code pod} on {@code nodeName} before it is bound, so the next cycle sees the reservation. */
    void assume(PodInfo pod, String nodeName) {
        lock.lock();
        try {
            if (pods.containsKey(pod.id())) {
                throw new IllegalStateException("pod " + pod.key() + " is already in the scheduler cache");
            }
            pods.put(pod.id(), new PodState(pod, nodeName, true));
            place(pod, nodeName);
        } finally {
            lock.unlock();
        }
    }

    /** Binding of an assumed pod finished: start its expiry clock. */
    void finishBinding(String podId) {
        lock.lock();
        try {
            PodState s = pods.get(podId);
            if (s != null && s.assumed) {
                s.deadline = clock.now().plus(assumedTtl);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Drops an assumed pod (its binding failed); nothing happens if it was confirmed meanwhile. */
    void forget(String podId) {
        lock.lock();
        try {
            PodState s = pods.get(podId);
            if (s != null && s.assumed) {
                pods.remove(podId);
                unplace(podId, s.node);
            }
        } finally {
            lock.unlock();
        }
    }

    /** An assigned pod seen by the informer: confirms an assumption or adds the pod. */
    void addPod(Pod pod) {
        String id = PodInfo.idOf(pod);
        PodInfo known;
        lock.lock();
        try {
            PodState s = pods.get(id);
            known = s == null ? null : s.pod;
        } finally {
            lock.unlock();
        }
        // parsed outside the lock; the confirmation of an assumed pod shares the assumed info's parsed data
        PodInfo info = known == null ? PodInfo.of(pod) : known.withPod(pod);
        lock.lock();
        try {
            PodState s = pods.get(id);
            if (s != null && !s.node.equals(pod.nodeName())) {
                unplace(info.id(), s.node);
            }
            pods.put(info.id(), new PodState(info, pod.nodeName(), false));
            place(info, pod.nodeName());
        } finally {
            lock.unlock();
        }
    }

    /** An assigned pod changed; updates that touch neither its spec nor its labels are ignored (status only). */
    void updatePod(Pod oldPod, Pod newPod) {
        boolean irrelevant = Objects.equals(oldPod.nodeName(), newPod.nodeName())
                && Objects.equals(oldPod.spec(), newPod.spec())
                && Objects.equals(oldPod.metadata().labels(), newPod.metadata().labels());
        lock.lock();
        try {
            PodState s = pods.get(PodInfo.idOf(newPod));
            if (irrelevant && s != null && !s.assumed) {
                return;
            }
        } finally {
            lock.unlock();
        }
        addPod(newPod);
    }

    void removePod(Pod pod) {
        String id = PodInfo.idOf(pod);
        lock.lock();
        try {
            PodState s = pods.remove(id);
            if (s != null) {
                unplace(id, s.node);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Removes assumed pods whose binding finished more than the TTL ago without the informer confirming them. */
    int cleanupExpired() {
        Instant now = clock.now();
        int removed = 0;
        lock.lock();
        try {
            for (Iterator<Map.Entry<String, PodState>> it = pods.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, PodState> e = it.next();
                PodState s = e.getValue();
                if (s.assumed && s.deadline != null && !now.isBefore(s.deadline)) {
                    it.remove();
                    unplace(e.getKey(), s.node);
                    removed++;
                }
            }
        } finally {
            lock.unlock();
        }
        return removed;
    }

    boolean isAssumed(String podId) {
        lock.lock();
        try {
            PodState s = pods.get(podId);
            return s != null && s.assumed;
        } finally {
            lock.unlock();
        }
    }

    /** The current info of a node (placeholders included), or null. */
    NodeInfo nodeInfo(String name) {
        lock.lock();
        try {
            return nodes.get(name);
        } finally {
            lock.unlock();
        }
    }

    int podCount() {
        lock.lock();
        try {
            return pods.size();
        } finally {
            lock.unlock();
        }
    }

    /** Brings {@code snapshot} up to date, copying only what changed since its last update. */
    void updateSnapshot(Snapshot snapshot) {
        lock.lock();
        try {
            if (structureChanged || snapshot.generation < 0) {
                snapshot.setNodes(zoneInterleaved());
                structureChanged = false;
                dirty = new HashSet<>();
                snapshot.generation = 0;
                return;
            }
            if (dirty.isEmpty()) {
                return;
            }
            boolean affinity = false;
            boolean images = false;
            for (String name : dirty) {
                Integer i = snapshot.index.get(name);
                NodeInfo now = nodes.get(name);
                if (i == null || now == null) {
                    continue;
                }
                NodeInfo before = snapshot.nodes[i];
                snapshot.replace(i, now);
                affinity |= before.podsWithAffinity().isEmpty() != now.podsWithAffinity().isEmpty()
                        || before.podsWithRequiredAntiAffinity().isEmpty()
                        != now.podsWithRequiredAntiAffinity().isEmpty();
                images |= before.imageSizes() != now.imageSizes();
            }
            dirty = new HashSet<>();
            snapshot.generation++;
            if (affinity) {
                snapshot.recomputeAffinity();
            }
            if (images) {
                snapshot.recomputeImages();
            }
        } finally {
            lock.unlock();
        }
    }

    private void place(PodInfo pod, String nodeName) {
        NodeInfo info = nodes.get(nodeName);
        nodes.put(nodeName, (info == null ? NodeInfo.empty(nodeName) : info).withPod(pod));
        dirty.add(nodeName);
    }

    private void unplace(String podId, String nodeName) {
        NodeInfo info = nodes.get(nodeName);
        if (info == null) {
            return;
        }
        NodeInfo now = info.withoutPod(podId);
        if (now.node() == null && now.pods().isEmpty()) {
            nodes.remove(nodeName);
        } else {
            nodes.put(nodeName, now);
        }
        dirty.add(nodeName);
    }

    /** Kubernetes' nodeTree order: nodes of different zones interleaved, so a sampled prefix spans every zone. */
    private NodeInfo[] zoneInterleaved() {
        Map<String, List<NodeInfo>> byZone = new LinkedHashMap<>();
        int total = 0;
        for (NodeInfo info : nodes.values()) {
            if (info.node() == null) {
                continue;
            }
            Map<String, String> labels = info.node().metadata().labels();
            String zone = labels.getOrDefault(REGION_LABEL, "") + ":\u0000:" + labels.getOrDefault(ZONE_LABEL, "");
            byZone.computeIfAbsent(zone, z -> new ArrayList<>()).add(info);
            total++;
        }
        NodeInfo[] out = new NodeInfo[total];
        List<List<NodeInfo>> zones = new ArrayList<>(byZone.values());
        int k = 0;
        for (int round = 0; k < total; round++) {
            for (List<NodeInfo> zone : zones) {
                if (round < zone.size()) {
                    out[k++] = zone.get(round);
                }
            }
        }
        return out;
    }
}
