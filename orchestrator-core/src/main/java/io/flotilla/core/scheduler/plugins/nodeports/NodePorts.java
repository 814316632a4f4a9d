package io.flotilla.core.scheduler.plugins.nodeports;

import io.flotilla.api.core.ContainerPort;
import io.flotilla.api.core.Pod;
import io.flotilla.api.scheduler.ActionType;
import io.flotilla.api.scheduler.ClusterEvent;
import io.flotilla.api.scheduler.ClusterEventWithHint;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.EnqueueExtensions;
import io.flotilla.api.scheduler.EventResource;
import io.flotilla.api.scheduler.FilterPlugin;
import io.flotilla.api.scheduler.HostPorts;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PreFilterPlugin;
import io.flotilla.api.scheduler.PreFilterResult;
import io.flotilla.api.scheduler.QueueingHint;
import io.flotilla.api.scheduler.Status;
import java.util.List;

/**
 * Rejects nodes where a requested host port is taken, like Kubernetes' {@code NodePorts}: a conflict is the same
 * protocol and host port on the same host IP, with {@code 0.0.0.0} (or no IP) overlapping every IP. PreFilter skips
 * the plugin for pods without host ports. Stateless and thread-safe; Filter does not allocate.
 */
public final class NodePorts implements PreFilterPlugin, FilterPlugin, EnqueueExtensions {

    /** The plugin name. */
    public static final String NAME = "NodePorts";
    /** Kubernetes' reason for a host-port conflict. */
    public static final String ERR_REASON = "node(s) didn't have free ports for the requested pod ports";

    private static final Status REJECTED = Status.unschedulable(ERR_REASON);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
        return pod.hostPorts().isEmpty() ? PreFilterResult.skip() : PreFilterResult.success();
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        return conflicts(pod.hostPorts(), node.usedPorts()) ? REJECTED : Status.success();
    }

    private static boolean conflicts(List<ContainerPort> wanted, HostPorts used) {
        if (used.isEmpty()) {
            return false;
        }
        for (int i = 0, n = wanted.size(); i < n; i++) {
            if (used.conflicts(wanted.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** A deleted pod holding one of the ports, or a new node, can help. */
    @Override
    public List<ClusterEventWithHint> eventsToRegister() {
        return List.of(
                new ClusterEventWithHint(ClusterEvent.of(EventResource.POD, ActionType.DELETE),
                        (pod, oldObj, newObj) -> oldObj instanceof Pod gone
                                && conflicts(PodInfo.of(pod).hostPorts(), HostPorts.NONE.plus(PodInfo.of(gone)))
                                ? QueueingHint.QUEUE : QueueingHint.SKIP),
                ClusterEventWithHint.of(ClusterEvent.of(EventResource.NODE, ActionType.ADD)));
    }
}
