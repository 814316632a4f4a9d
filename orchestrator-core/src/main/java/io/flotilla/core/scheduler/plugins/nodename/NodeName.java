package io.flotilla.core.scheduler.plugins.nodename;

import io.flotilla.api.core.Node;
import io.flotilla.api.scheduler.ActionType;
import io.flotilla.api.scheduler.ClusterEvent;
import io.flotilla.api.scheduler.ClusterEventWithHint;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.EnqueueExtensions;
import io.flotilla.api.scheduler.EventResource;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.QueueingHint;
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.scheduler.table.TableCheck;
import io.flotilla.core.scheduler.table.TableFilter;
import java.util.List;

/**
 * Rejects every node but the one named by the pod's {@code spec.nodeName}, like Kubernetes' {@code NodeName}
 * plugin. Pods without a node name pass everywhere. Stateless and thread-safe; Filter does not allocate.
 */
public final class NodeName implements TableFilter, EnqueueExtensions {

    /** The plugin name. */
    public static final String NAME = "NodeName";
    /** Kubernetes' reason for a node other than the requested one. */
    public static final String ERR_REASON = "node(s) didn't match the requested node name";

    private static final Status REJECTED = Status.unresolvable(ERR_REASON);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        return fits(pod, node.name()) ? Status.success() : REJECTED;
    }

    /** Every node passes for a pod without {@code spec.nodeName}; other pods are filtered node by node. */
    @Override
    public TableCheck tableCheck(CycleState state, PodInfo pod) {
        String wanted = pod.pod().nodeName();
        return wanted == null || wanted.isEmpty() ? TableCheck.ALWAYS : null;
    }

    private static boolean fits(PodInfo pod, String nodeName) {
        String wanted = pod.pod().nodeName();
        return wanted == null || wanted.isEmpty() || wanted.equals(nodeName);
    }

    /** Only a new node of the requested name can help. */
    @Override
    public List<ClusterEventWithHint> eventsToRegister() {
        return List.of(new ClusterEventWithHint(ClusterEvent.of(EventResource.NODE, ActionType.ADD),
                (pod, oldObj, newObj) -> newObj instanceof Node n && fits(PodInfo.of(pod), n.metadata().name())
                        ? QueueingHint.QUEUE : QueueingHint.SKIP));
    }
}
