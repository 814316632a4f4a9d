package io.flotilla.core.scheduler;

import io.flotilla.core.scheduler.plugins.defaultpreemption.DefaultPreemption;
import io.flotilla.core.scheduler.plugins.imagelocality.ImageLocality;
import io.flotilla.core.scheduler.plugins.interpodaffinity.InterPodAffinity;
import io.flotilla.core.scheduler.plugins.nodeaffinity.NodeAffinity;
import io.flotilla.core.scheduler.plugins.nodename.NodeName;
import io.flotilla.core.scheduler.plugins.nodeports.NodePorts;
import io.flotilla.core.scheduler.plugins.noderesources.NodeResourcesBalancedAllocation;
import io.flotilla.core.scheduler.plugins.noderesources.NodeResourcesFit;
import io.flotilla.core.scheduler.plugins.nodeunschedulable.NodeUnschedulable;
import io.flotilla.core.scheduler.plugins.podtopologyspread.PodTopologySpread;
import io.flotilla.core.scheduler.plugins.prioritysort.PrioritySort;
import io.flotilla.core.scheduler.plugins.tainttoleration.TaintToleration;
import io.flotilla.core.scheduler.plugins.volumebinding.VolumeBinding;

/**
 * The one place the in-tree plugins (package {@code io.flotilla.core.scheduler.plugins.*}) are registered, like
 * Kubernetes' {@code plugins.NewInTreeRegistry()}.
 */
final class InTreePlugins {

    private InTreePlugins() {
    }

    /**
     * Registers every in-tree plugin under its Kubernetes name.
     *
     * <p>NOTE for the plugins helper (SP): fill in this method body only — one
     * {@code registry.register(Name.NAME, Name::new)}-style line per plugin (NodeName, NodeUnschedulable,
     * NodeResourcesFit, NodeResourcesBalancedAllocation, NodeAffinity, TaintToleration, NodePorts, InterPodAffinity,
     * PodTopologySpread, ImageLocality, VolumeBinding, DefaultPreemption, PrioritySort). The scheduler core owns
     * the rest of this file. {@code DefaultBinder} is registered by {@link Registry#inTree()} itself.
     */
    static void register(Registry registry) {
        registry.register(PrioritySort.NAME, (args, handle) -> new PrioritySort());
        registry.register(NodeName.NAME, (args, handle) -> new NodeName());
        registry.register(NodeUnschedulable.NAME, (args, handle) -> new NodeUnschedulable());
        registry.register(NodeResourcesFit.NAME, (args, handle) -> new NodeResourcesFit(args));
        registry.register(NodeResourcesBalancedAllocation.NAME,
                (args, handle) -> new NodeResourcesBalancedAllocation(args));
        registry.register(NodeAffinity.NAME, (args, handle) -> new NodeAffinity());
        registry.register(TaintToleration.NAME, (args, handle) -> new TaintToleration());
        registry.register(NodePorts.NAME, (args, handle) -> new NodePorts());
        registry.register(InterPodAffinity.NAME, InterPodAffinity::new);
        registry.register(PodTopologySpread.NAME, PodTopologySpread::new);
        registry.register(ImageLocality.NAME, (args, handle) -> new ImageLocality(handle));
        registry.register(VolumeBinding.NAME, (args, handle) -> new VolumeBinding(handle));
        registry.register(DefaultPreemption.NAME, DefaultPreemption::new);
    }
}
