package io.flotilla.core.scheduler.plugins.tainttoleration;

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
import io.flotilla.api.scheduler.NodeScores;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.QueueingHint;
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.scheduler.table.NodeTable;
import io.flotilla.core.scheduler.table.TableCheck;
import io.flotilla.core.scheduler.table.TableFilter;
import io.flotilla.core.scheduler.table.TableScore;
import java.util.List;

/**
 * Taints and tolerations, like Kubernetes' {@code TaintToleration}. Filter rejects a node with a {@code NoSchedule}
 * or {@code NoExecute} taint the pod does not tolerate, naming the first such taint
 * ({@code node(s) had untolerated taint {key: value}}; preemption cannot help). Score counts the node's
 * {@code PreferNoSchedule} taints not tolerated by the pod's tolerations of that effect (or of every effect), and
 * normalization reverses the counts so the node with the fewest scores 100. Stateless and thread-safe; Filter and
 * Score do not allocate (only a rejection builds its message). Over the node table, untainted nodes pass and
 * score 0 without a call; tainted ones are asked one by one.
 */
public final class TaintToleration implements TableFilter, TableScore, EnqueueExtensions {

    /** The plugin name. */
    public static final String NAME = "TaintToleration";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        List<Taint> taints = node.taints();
        if (taints.isEmpty()) {
            return Status.success();
        }
        Taint taint = firstUntolerated(tolerations(pod.pod()), taints);
        return taint == null ? Status.success() : Status.unresolvable(
                "node(s) had untolerated taint {" + taint.key() + ": " + (taint.value() == null ? "" : taint.value())
                        + "}");
    }

    /** Untainted nodes pass; tainted ones are filtered node by node. */
    @Override
    public TableCheck tableCheck(CycleState state, PodInfo pod) {
        return TableCheck.unlessFlagged(NodeTable.TAINTED);
    }

    /** The first NoSchedule or NoExecute taint of {@code node} none of {@code tolerations} tolerates, or null. */
    private static Taint firstUntolerated(List<Toleration> tolerations, List<Taint> taints) {
        for (int i = 0, n = taints.size(); i < n; i++) {
            Taint t = taints.get(i);
            boolean hard = Taint.NO_SCHEDULE.equals(t.effect()) || Taint.NO_EXECUTE.equals(t.effect());
            if (hard && !tolerated(t, tolerations)) {
                return t;
            }
        }
        return null;
    }

    private static boolean tolerated(Taint taint, List<Toleration> tolerations) {
        for (int i = 0, n = tolerations.size(); i < n; i++) {
            if (tolerations.get(i).tolerates(taint.key(), taint.value(), taint.effect())) {
                return true;
            }
        }
        return false;
    }

    private static List<Toleration> tolerations(Pod pod) {
        return pod.spec() == null ? List.of() : pod.spec().tolerations();
    }

    /** The number of PreferNoSchedule taints the pod does not tolerate (lower is better). */
    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        List<Taint> taints = node.taints();
        if (taints.isEmpty()) {
            return 0;
        }
        List<Toleration> tolerations = tolerations(pod.pod());
        long count = 0;
        for (int i = 0, n = taints.size(); i < n; i++) {
            Taint t = taints.get(i);
            if (Taint.PREFER_NO_SCHEDULE.equals(t.effect()) && !toleratedPreferNoSchedule(t, tolerations)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public boolean scoreTable(CycleState state, PodInfo pod, NodeTable table, int[] rows, int n, long[] out) {
        for (int j = 0; j < n; j++) {
            int row = rows[j];
            out[j] = (table.flags(row) & NodeTable.TAINTED) == 0 ? 0 : score(state, pod, table.node(row));
        }
        return true;
    }

    // Only tolerations with an empty effect or PreferNoSchedule count here, as in Kubernetes.
    private static boolean toleratedPreferNoSchedule(Taint taint, List<Toleration> tolerations) {
        for (int i = 0, n = tolerations.size(); i < n; i++) {
            Toleration tol = tolerations.get(i);
            boolean relevant = tol.effect() == null || tol.effect().isEmpty()
                    || Taint.PREFER_NO_SCHEDULE.equals(tol.effect());
            if (relevant && tol.tolerates(taint.key(), taint.value(), taint.effect())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Status normalizeScore(CycleState state, PodInfo pod, NodeScores scores) {
        NodeScores.normalize(scores, MAX_NODE_SCORE, true);
        return Status.success();
    }

    /** A new node, or a taint change, after which the pod tolerates every hard taint of the node, can help. */
    @Override
    public List<ClusterEventWithHint> eventsToRegister() {
        return List.of(new ClusterEventWithHint(
                ClusterEvent.of(EventResource.NODE, ActionType.ADD, ActionType.UPDATE_NODE_TAINT),
                (pod, oldObj, newObj) -> newObj instanceof Node n
                        && firstUntolerated(tolerations(pod), n.spec().taints()) == null
                        ? QueueingHint.QUEUE : QueueingHint.SKIP));
    }
}
