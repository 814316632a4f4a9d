package io.flotilla.core.scheduler;

import io.flotilla.api.scheduler.PluginArgs;
import java.util.Map;

/**
 * Ready-made scheduling strategies, each a {@link Profile} named {@code default-scheduler} that enables in-tree
 * plugins by name (rename one with {@link Profile#withSchedulerName} to run several side by side, or edit one with
 * {@link Profile#toBuilder()}):
 *
 * <ul>
 *   <li>{@link #spread()} (the default, as Kubernetes' default profile): prefer the least allocated nodes and
 *       spread replicas over topology domains;</li>
 *   <li>{@link #binPacking()}: prefer the most allocated nodes, filling nodes one after another so that whole
 *       nodes stay free;</li>
 *   <li>{@link #balanced()}: prefer nodes where CPU and memory stay equally used.</li>
 * </ul>
 *
 * <p>NodeResourcesFit takes Kubernetes' arguments: {@code {scoringStrategy: {type: LeastAllocated |
 * MostAllocated}}} ({@link #fitArgs}). All methods are thread-safe and return new immutable profiles.
 */
public final class Scheduling {

    /** Plugin name: the pod's {@code spec.nodeName}, if set, must be the node. */
    public static final String NODE_NAME = "NodeName";
    /** Plugin name: cordoned nodes are skipped. */
    public static final String NODE_UNSCHEDULABLE = "NodeUnschedulable";
    /** Plugin name: resource requests must fit; scores by the scoring strategy. */
    public static final String NODE_RESOURCES_FIT = "NodeResourcesFit";
    /** Plugin name: scores balanced CPU/memory use. */
    public static final String NODE_RESOURCES_BALANCED_ALLOCATION = "NodeResourcesBalancedAllocation";
    /** Plugin name: node selector and node affinity. */
    public static final String NODE_AFFINITY = "NodeAffinity";
    /** Plugin name: taints and tolerations. */
    public static final String TAINT_TOLERATION = "TaintToleration";
    /** Plugin name: host port conflicts. */
    public static final String NODE_PORTS = "NodePorts";
    /** Plugin name: pod affinity and anti-affinity. */
    public static final String INTER_POD_AFFINITY = "InterPodAffinity";
    /** Plugin name: topology spread constraints. */
    public static final String POD_TOPOLOGY_SPREAD = "PodTopologySpread";
    /** Plugin name: prefers nodes that already have the images. */
    public static final String IMAGE_LOCALITY = "ImageLocality";
    /** Plugin name: persistent volume claims. */
    public static final String VOLUME_BINDING = "VolumeBinding";
    /** Plugin name: preemption of lower-priority pods. */
    public static final String DEFAULT_PREEMPTION = "DefaultPreemption";
    /** Plugin name: queue order by priority, then age. */
    public static final String PRIORITY_SORT = "PrioritySort";
    /** NodeResourcesFit scoring strategy: prefer emptier nodes. */
    public static final String LEAST_ALLOCATED = "LeastAllocated";
    /** NodeResourcesFit scoring strategy: prefer fuller nodes. */
    public static final String MOST_ALLOCATED = "MostAllocated";

    private Scheduling() {
    }

    /** Kubernetes' default profile: LeastAllocated, topology spreading, affinity, taints, image locality. */
    public static Profile spread() {
        return base(LEAST_ALLOCATED, 1)
                .plugin(NODE_RESOURCES_BALANCED_ALLOCATION, 1)
                .plugin(IMAGE_LOCALITY, 1)
                .plugin(DefaultBinder.NAME)
                .build();
    }

    /**
     * Bin packing: MostAllocated with a high weight; balanced-allocation scoring off and topology-spread scoring off
     * (their preferences would pull pods apart); required spread constraints are still enforced.
     */
    public static Profile binPacking() {
        return base(MOST_ALLOCATED, 5)
                .disable(POD_TOPOLOGY_SPREAD, ExtensionPoint.PRE_SCORE, ExtensionPoint.SCORE)
                .plugin(IMAGE_LOCALITY, 1)
                .plugin(DefaultBinder.NAME)
                .build();
    }

    /** Balanced allocation weighted above LeastAllocated: keep CPU and memory use even on every node. */
    public static Profile balanced() {
        return base(LEAST_ALLOCATED, 1)
                .plugin(NODE_RESOURCES_BALANCED_ALLOCATION, 5)
                .plugin(IMAGE_LOCALITY, 1)
                .plugin(DefaultBinder.NAME)
                .build();
    }

    /** A custom profile, starting empty. */
    public static Profile.Builder custom(String schedulerName) {
        return Profile.builder(schedulerName);
    }

    /** NodeResourcesFit arguments selecting a scoring strategy ({@link #LEAST_ALLOCATED} or {@link #MOST_ALLOCATED}). */
    public static PluginArgs fitArgs(String scoringStrategy) {
        return PluginArgs.of("scoringStrategy", Map.of("type", scoringStrategy));
    }

    private static Profile.Builder base(String fitStrategy, int fitWeight) {
        return Profile.builder(Profile.DEFAULT_SCHEDULER_NAME)
                .plugin(PRIORITY_SORT)
                .plugin(NODE_UNSCHEDULABLE)
                .plugin(NODE_NAME)
                .plugin(TAINT_TOLERATION, 3)
                .plugin(NODE_AFFINITY, 2)
                .plugin(NODE_PORTS)
                .plugin(NODE_RESOURCES_FIT, fitWeight, fitArgs(fitStrategy))
                .plugin(VOLUME_BINDING)
                .plugin(POD_TOPOLOGY_SPREAD, 2)
                .plugin(INTER_POD_AFFINITY, 2)
                .plugin(DEFAULT_PREEMPTION);
    }
}
