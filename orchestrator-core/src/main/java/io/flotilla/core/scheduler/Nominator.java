package io.flotilla.core.scheduler;

import io.flotilla.api.scheduler.PodInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pods nominated to nodes by preemption and not bound yet (Kubernetes' {@code nominator}); later cycles of lower
 * or equal priority treat them as already there, so the space freed for them is not taken by others. Thread-safe;
 * {@link #isEmpty()} is a volatile read so the common no-nomination case costs nothing per node.
 */
final class Nominator {

    private final Map<String, List<PodInfo>> byNode = new HashMap<>();
    private final Map<String, String> nodeOfPod = new HashMap<>();
    private volatile int count;

    boolean isEmpty() {
        return count == 0;
    }

    /** Nominates {@code pod} to {@code nodeName}, replacing an earlier nomination of it. */
    synchronized void nominate(PodInfo pod, String nodeName) {
        remove(pod.id());
        List<PodInfo> list = new ArrayList<>(byNode.getOrDefault(nodeName, List.of()));
        list.add(pod);
        list.sort(Comparator.comparingInt(PodInfo::priority).reversed());
        byNode.put(nodeName, List.copyOf(list));
        nodeOfPod.put(pod.id(), nodeName);
        count = nodeOfPod.size();
    }

    /** Drops the nomination of the pod with this id, if any. */
    synchronized void remove(String podId) {
        String node = nodeOfPod.remove(podId);
        if (node != null) {
            List<PodInfo> list = new ArrayList<>(byNode.get(node));
            list.removeIf(p -> p.id().equals(podId));
            if (list.isEmpty()) {
                byNode.remove(node);
            } else {
                byNode.put(node, List.copyOf(list));
            }
        }
        count = nodeOfPod.size();
    }

    /** The pods nominated to a node, highest priority first; never null. */
    synchronized List<PodInfo> nominatedPods(String nodeName) {
        return byNode.getOrDefault(nodeName, List.of());
    }

    /** The node a pod is nominated to, or null. */
    synchronized String nominatedNode(String podId) {
        return nodeOfPod.get(podId);
    }
}
