package io.flotilla.api.scheduler;

import java.util.List;

/**
 * The consistent, read-only picture of the cluster one scheduling cycle works on, like Kubernetes'
 * {@code framework.SharedLister} over its {@code Snapshot}: every node with its pods (including pods assumed by
 * earlier cycles), plus the indexes InterPodAffinity and ImageLocality need. It does not change during a cycle; the
 * scheduler updates it incrementally between cycles. Lists are unmodifiable and the getters do not allocate.
 * Safe to read from several threads during a cycle.
 */
public interface ClusterSnapshot {

    /** Every node, in a stable order; never null. */
    List<NodeInfo> nodes();

    /** The number of nodes. */
    int size();

    /**
     * One node by name.
     *
     * @param name a node name; not null
     * @return the node, or null if the snapshot has no such node
     */
    NodeInfo node(String name);

    /** The nodes that have at least one pod with pod affinity or anti-affinity terms; never null. */
    List<NodeInfo> nodesWithPodAffinity();

    /** The nodes that have at least one pod with a required anti-affinity term; never null. */
    List<NodeInfo> nodesWithRequiredAntiAffinity();

    /**
     * On how many nodes an image is present, for ImageLocality's spread factor.
     *
     * @param image an image name as nodes report it; not null
     */
    int imageNodeCount(String image);
}
