package io.flotilla.api.scheduler;

import io.flotilla.api.core.ContainerImage;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.Taint;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable view of one node and the pods on it (bound and assumed), like Kubernetes' {@code framework.NodeInfo}:
 * the {@link Node}, its pods as parsed {@link PodInfo}s, the pods with (anti-)affinity for InterPodAffinity, the
 * summed requests (plain and "non-zero" for scoring), the allocatable resources, the host ports in use and the
 * sizes of the images present.
 *
 * <p>Every getter is a plain field read, so Filter and Score may call them per node without allocating. Changes
 * ({@link #withPod}, {@link #withoutPod}, {@link #withNode}) return a new instance and leave this one untouched:
 * the scheduler cache replaces a node's instance on every change, snapshots share instances, and preemption
 * simulates evictions on private copies for free. Thread-safe.
 *
 * <p>The fields Filter and Score read for every node ({@link #unschedulable()}, {@link #taints()}, the pod count and
 * the CPU/memory amounts) are also kept flat on this object, so a plugin's per-node loop touches one object instead
 * of walking {@code Node → NodeSpec} and three {@link Resources} per node (cache misses dominate that loop).
 */
public final class NodeInfo {

    private final String name;
    private final Node node;
    private final PodInfo[] pods;
    private final List<PodInfo> podList;
    private final List<PodInfo> podsWithAffinity;
    private final List<PodInfo> podsWithRequiredAntiAffinity;
    private final Resources requested;
    private final Resources nonZeroRequested;
    private final Resources allocatable;
    private final HostPorts usedPorts;
    private final Map<String, Long> imageSizes;
    // flat copies for the per-node loops; see the class comment
    private final boolean unschedulable;
    private final List<Taint> taints;
    private final int podCount;
    private final long allocatableMilliCpu;
    private final long allocatableMemory;
    private final long allocatablePods;
    private final long requestedMilliCpu;
    private final long requestedMemory;
    private final long nonZeroRequestedMilliCpu;
    private final long nonZeroRequestedMemory;

    private NodeInfo(String name, Node node, PodInfo[] pods, Resources requested, Resources nonZeroRequested,
                     Resources allocatable, HostPorts usedPorts, Map<String, Long> imageSizes) {
        this.name = name;
        this.node = node;
        this.pods = pods;
        this.podList = List.of(pods);
        this.podsWithAffinity = filter(pods, false);
        this.podsWithRequiredAntiAffinity = filter(pods, true);
        this.requested = requested;
        this.nonZeroRequested = nonZeroRequested;
        this.allocatable = allocatable;
        this.usedPorts = usedPorts;
        this.imageSizes = imageSizes;
        this.unschedulable = node != null && node.isUnschedulable();
        this.taints = node == null ? List.of() : node.spec().taints();
        this.podCount = pods.length;
        this.allocatableMilliCpu = allocatable.milliCpu();
        this.allocatableMemory = allocatable.memory();
        this.allocatablePods = allocatable.pods();
        this.requestedMilliCpu = requested.milliCpu();
        this.requestedMemory = requested.memory();
        this.nonZeroRequestedMilliCpu = nonZeroRequested.milliCpu();
        this.nonZeroRequestedMemory = nonZeroRequested.memory();
    }

    /**
     * A node without pods.
     *
     * @param node the node; not null
     */
    public static NodeInfo of(Node node) {
        return empty(node.metadata().name()).withNode(node);
    }

    /**
     * A node with pods.
     *
     * @param node the node; not null
     * @param pods the pods on it; not null
     */
    public static NodeInfo of(Node node, List<PodInfo> pods) {
        NodeInfo info = of(node);
        for (PodInfo p : pods) {
            info = info.withPod(p);
        }
        return info;
    }

    /**
     * A node known only by name, without a Node object yet (pods may arrive before their node); not shown to
     * plugins until it has a node.
     *
     * @param name the node name; not null
     */
    public static NodeInfo empty(String name) {
        return new NodeInfo(Objects.requireNonNull(name, "name"), null, new PodInfo[0], Resources.ZERO,
                Resources.ZERO, Resources.ZERO, HostPorts.NONE, Map.of());
    }

    /** The node name; never null. */
    public String name() {
        return name;
    }

    /** The node; null only for a name-only info from {@link #empty}. */
    public Node node() {
        return node;
    }

    /** The pods on the node, bound and assumed, in the order they were added; never null, unmodifiable. */
    public List<PodInfo> pods() {
        return podList;
    }

    /** The number of pods on the node, bound and assumed; {@code pods().size()} without touching the list. */
    public int podCount() {
        return podCount;
    }

    /** Whether the node is cordoned ({@code spec.unschedulable}); false for a name-only info. */
    public boolean unschedulable() {
        return unschedulable;
    }

    /** The node's taints ({@code spec.taints}); never null, unmodifiable, empty for a name-only info. */
    public List<Taint> taints() {
        return taints;
    }

    /** {@code allocatable().milliCpu()}, read without a second object. */
    public long allocatableMilliCpu() {
        return allocatableMilliCpu;
    }

    /** {@code allocatable().memory()}, read without a second object. */
    public long allocatableMemory() {
        return allocatableMemory;
    }

    /** {@code allocatable().pods()}, read without a second object. */
    public long allocatablePods() {
        return allocatablePods;
    }

    /** {@code requested().milliCpu()}, read without a second object. */
    public long requestedMilliCpu() {
        return requestedMilliCpu;
    }

    /** {@code requested().memory()}, read without a second object. */
    public long requestedMemory() {
        return requestedMemory;
    }

    /** {@code nonZeroRequested().milliCpu()}, read without a second object. */
    public long nonZeroRequestedMilliCpu() {
        return nonZeroRequestedMilliCpu;
    }

    /** {@code nonZeroRequested().memory()}, read without a second object. */
    public long nonZeroRequestedMemory() {
        return nonZeroRequestedMemory;
    }

    /** The pods on the node with any pod affinity or anti-affinity term; never null, unmodifiable. */
    public List<PodInfo> podsWithAffinity() {
        return podsWithAffinity;
    }

    /** The pods on the node with a required anti-affinity term; never null, unmodifiable. */
    public List<PodInfo> podsWithRequiredAntiAffinity() {
        return podsWithRequiredAntiAffinity;
    }

    /** The sum of the pods' requests; never null. */
    public Resources requested() {
        return requested;
    }

    /** The sum of the pods' non-zero requests (for scoring); never null. */
    public Resources nonZeroRequested() {
        return nonZeroRequested;
    }

    /** The node's {@code status.allocatable} (including the {@code pods} count); never null. */
    public Resources allocatable() {
        return allocatable;
    }

    /** The host ports in use; never null. */
    public HostPorts usedPorts() {
        return usedPorts;
    }

    /** Image sizes in bytes by every name the node reports for the image; never null, unmodifiable. */
    public Map<String, Long> imageSizes() {
        return imageSizes;
    }

    /**
     * Whether a pod with this {@linkplain PodInfo#id() id} is on the node. Linear in the number of pods.
     *
     * @param podId a pod id; not null
     */
    public boolean hasPod(String podId) {
        return indexOf(podId) >= 0;
    }

    /** This info with {@code node} as the node (its allocatable and images re-read), the pods kept. */
    public NodeInfo withNode(Node node) {
        Objects.requireNonNull(node, "node");
        Resources alloc = node.status() == null ? Resources.ZERO : Resources.of(node.status().allocatable());
        Map<String, Long> images = this.node != null && sameImages(this.node, node) ? imageSizes : imagesOf(node);
        return new NodeInfo(name, node, pods, requested, nonZeroRequested, alloc, usedPorts, images);
    }

    /** This info plus {@code pod} (replacing a pod of the same id, if any). */
    public NodeInfo withPod(PodInfo pod) {
        int i = indexOf(pod.id());
        if (i >= 0 && pods[i].requests() == pod.requests() && pods[i].nonZeroRequests() == pod.nonZeroRequests()
                && pods[i].hostPorts() == pod.hostPorts()) {
            // a newer version sharing the parsed data (PodInfo.withPod): same sums, replaced in place
            PodInfo[] copy = pods.clone();
            copy[i] = pod;
            return new NodeInfo(name, node, copy, requested, nonZeroRequested, allocatable, usedPorts, imageSizes);
        }
        NodeInfo base = i >= 0 ? withoutPod(pod.id()) : this;
        PodInfo[] copy = Arrays.copyOf(base.pods, base.pods.length + 1);
        copy[base.pods.length] = pod;
        return new NodeInfo(name, node, copy, base.requested.plus(pod.requests()),
                base.nonZeroRequested.plus(pod.nonZeroRequests()), allocatable, base.usedPorts.plus(pod), imageSizes);
    }

    /** This info without the pod of id {@code podId}; this instance if there is none. */
    public NodeInfo withoutPod(String podId) {
        int i = indexOf(podId);
        if (i < 0) {
            return this;
        }
        PodInfo gone = pods[i];
        PodInfo[] copy = new PodInfo[pods.length - 1];
        System.arraycopy(pods, 0, copy, 0, i);
        System.arraycopy(pods, i + 1, copy, i, pods.length - i - 1);
        return new NodeInfo(name, node, copy, requested.minus(gone.requests()),
                nonZeroRequested.minus(gone.nonZeroRequests()), allocatable, usedPorts.minus(gone), imageSizes);
    }

    private int indexOf(String podId) {
        for (int i = 0; i < pods.length; i++) {
            if (pods[i].id().equals(podId)) {
                return i;
            }
        }
        return -1;
    }

    private static List<PodInfo> filter(PodInfo[] pods, boolean requiredAnti) {
        int n = 0;
        for (PodInfo p : pods) {
            n += (requiredAnti ? p.hasRequiredAntiAffinity() : p.hasPodAffinity()) ? 1 : 0;
        }
        if (n == 0) {
            return List.of();
        }
        PodInfo[] out = new PodInfo[n];
        int j = 0;
        for (PodInfo p : pods) {
            if (requiredAnti ? p.hasRequiredAntiAffinity() : p.hasPodAffinity()) {
                out[j++] = p;
            }
        }
        return List.of(out);
    }

    private static boolean sameImages(Node a, Node b) {
        return a.status() != null && b.status() != null && a.status().images().equals(b.status().images());
    }

    private static Map<String, Long> imagesOf(Node node) {
        if (node.status() == null || node.status().images().isEmpty()) {
            return Map.of();
        }
        Map<String, Long> sizes = new HashMap<>();
        for (ContainerImage image : node.status().images()) {
            for (String n : image.names()) {
                sizes.put(n, image.sizeBytes() == null ? 0L : image.sizeBytes());
            }
        }
        return Map.copyOf(sizes);
    }

    @Override
    public String toString() {
        return "NodeInfo[" + name + ", pods=" + pods.length + ", requested=" + requested + "]";
    }
}
