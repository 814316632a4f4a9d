package io.flotilla.core.scheduler;

import io.flotilla.api.scheduler.ClusterSnapshot;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.core.scheduler.table.NodeTable;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/*
 * Design notes: NodeInfo is immutable, so a snapshot is an array of references into the cache's current instances.
 * SchedulerCache.updateSnapshot replaces only the entries of nodes that changed since the last update (normally
 * the one node the previous pod was assumed on), like Kubernetes' generation-based UpdateSnapshot; the array is
 * rebuilt only when nodes come or go. The affinity lists and image counts are recomputed only when a change touches
 * them.
 */

/** The per-cycle view of the cluster. Written by the cache under its lock, read by the scheduling thread. */
final class Snapshot implements ClusterSnapshot {

    NodeInfo[] nodes = new NodeInfo[0];
    /** The flat per-node numbers, row i for nodes[i]; kept in step by {@link #setNodes} and {@link #replace}. */
    final NodeTable table = new NodeTable();
    List<NodeInfo> nodeList = List.of();
    Map<String, Integer> index = new HashMap<>();
    List<NodeInfo> withAffinity = List.of();
    List<NodeInfo> withRequiredAnti = List.of();
    Map<String, Integer> imageCounts = Map.of();
    long generation = -1;

    @Override
    public List<NodeInfo> nodes() {
        return nodeList;
    }

    @Override
    public int size() {
        return nodes.length;
    }

    @Override
    public NodeInfo node(String name) {
        Integer i = index.get(name);
        return i == null ? null : nodes[i];
    }

    @Override
    public List<NodeInfo> nodesWithPodAffinity() {
        return withAffinity;
    }

    @Override
    public List<NodeInfo> nodesWithRequiredAntiAffinity() {
        return withRequiredAnti;
    }

    @Override
    public int imageNodeCount(String image) {
        return imageCounts.getOrDefault(image, 0);
    }

    void setNodes(NodeInfo[] ordered) {
        nodes = ordered;
        table.reset(ordered);
        nodeList = Collections.unmodifiableList(Arrays.asList(nodes));
        Map<String, Integer> idx = new HashMap<>(ordered.length * 2);
        for (int i = 0; i < ordered.length; i++) {
            idx.put(ordered[i].name(), i);
        }
        index = idx;
        recomputeAffinity();
        recomputeImages();
    }

    /** Replaces the i-th node's info (and its table row). */
    void replace(int i, NodeInfo info) {
        nodes[i] = info;
        table.set(i, info);
    }

    /** Re-derives which nodes hold pods with (anti-)affinity; the lists read the current array entries. */
    void recomputeAffinity() {
        withAffinity = view(i -> !nodes[i].podsWithAffinity().isEmpty());
        withRequiredAnti = view(i -> !nodes[i].podsWithRequiredAntiAffinity().isEmpty());
    }

    private List<NodeInfo> view(IntPredicate member) {
        int[] idx = IntStream.range(0, nodes.length).filter(member).toArray();
        if (idx.length == 0) {
            return List.of();
        }
        return new AbstractList<>() {
            @Override
            public NodeInfo get(int i) {
                return nodes[idx[i]];
            }

            @Override
            public int size() {
                return idx.length;
            }
        };
    }

    void recomputeImages() {
        Map<String, Integer> counts = new HashMap<>();
        for (NodeInfo n : nodes) {
            for (String image : n.imageSizes().keySet()) {
                counts.merge(image, 1, Integer::sum);
            }
        }
        imageCounts = counts;
    }
}
