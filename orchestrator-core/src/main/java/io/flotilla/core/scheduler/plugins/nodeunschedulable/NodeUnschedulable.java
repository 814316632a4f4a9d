package io.flotilla.core.scheduler.plugins.nodeunschedulable;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Taint;
import io.flotilla.api.core.Toleration;
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
import io.flotilla.core.scheduler.table.NodeTable;
import io.flotilla.core.scheduler.table.TableCheck;
import io.flotilla.core.scheduler.table.TableFilter;
import java.util.List;

/**
 * Rejects nodes marked {@code spec.unschedulable} unless the pod tolerates
 * {@code node.kubernetes.io/unschedulable:NoSchedule}, like Kubernetes' {@code NodeUnschedulable}. Stateless and
 * thread-safe; Filter does not allocate; over the node table only cordoned nodes are asked.
 */
public final class NodeUnschedulable implements TableFilter, EnqueueExtensions {

    /** The plugin name. */
    public static final String NAME = "NodeUnschedulable";
    /** Kubernetes' reason for a cordoned node. */
    public static final String ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";

    private static final Status REJECTED = Status.unresolvable(ERR_REASON_UNSCHEDULABLE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        return !node.unschedulable() || tolerated(pod.pod()) ? Status.success() : REJECTED;
    }

    /** Every node passes for a pod that tolerates cordons; otherwise cordoned nodes are filtered one by one. */
    @Override
    public TableCheck tableCheck(CycleState state, PodInfo pod) {
        return tolerated(pod.pod()) ? TableCheck.ALWAYS : TableCheck.unlessFlagged(NodeTable.UNSCHEDULABLE);
    }

    private static boolean fits(Pod pod, Node node) {
        return !node.isUnschedulable() || tolerated(pod);
    }

    private static boolean tolerated(Pod pod) {
        List<Toleration> tolerations = pod.spec() == null ? List.of() : pod.spec().tolerations();
        for (int i = 0, n = tolerations.size(); i < n; i++) {
            if (tolerations.get(i).tolerates(Taint.UNSCHEDULABLE, null, Taint.NO_SCHEDULE)) {
                return true;
            }
        }
        return false;
    }

    /** A new node, or a node that became schedulable (reported as a taint change), can help. */
    @Override
    public List<ClusterEventWithHint> eventsToRegister() {
        return List.of(new ClusterEventWithHint(
                ClusterEvent.of(EventResource.NODE, ActionType.ADD, ActionType.UPDATE_NODE_TAINT),
                (pod, oldObj, newObj) -> newObj instanceof Node n && fits(pod, n)
                        ? QueueingHint.QUEUE : QueueingHint.SKIP));
    }
}
