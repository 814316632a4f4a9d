package io.flotilla.core.scheduler.plugins.nodeaffinity;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.NodeSelectorRequirement;
import io.flotilla.api.core.NodeSelectorTerm;
import io.flotilla.api.core.PreferredSchedulingTerm;
import io.flotilla.api.scheduler.ActionType;
import io.flotilla.api.scheduler.ClusterEvent;
import io.flotilla.api.scheduler.ClusterEventWithHint;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.EnqueueExtensions;
import io.flotilla.api.scheduler.EventResource;
import io.flotilla.api.scheduler.FilterPlugin;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.NodeScores;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PreFilterPlugin;
import io.flotilla.api.scheduler.PreFilterResult;
import io.flotilla.api.scheduler.PreScorePlugin;
import io.flotilla.api.scheduler.QueueingHint;
import io.flotilla.api.scheduler.ScorePlugin;
import io.flotilla.api.scheduler.Status;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Node selector and node affinity, like Kubernetes' {@code NodeAffinity}. PreFilter parses the pod's constraints
 * once (skipping the plugin when there are none) and, when every required term pins {@code metadata.name}, narrows
 * the candidates to those nodes. Filter rejects non-matching nodes with
 * {@code node(s) didn't match Pod's node affinity/selector} (preemption cannot help). Score sums the weights of the
 * matching preferred terms; normalization scales the best node to 100. Thread-safe; Filter and Score do not
 * allocate (except for {@code matchFields} terms).
 */
public final class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin,
        EnqueueExtensions {

    /** The plugin name. */
    public static final String NAME = "NodeAffinity";
    /** Kubernetes' reason for a node that does not match. */
    public static final String ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
    /** Kubernetes' reason when required terms pin disjoint node names. */
    public static final String ERR_REASON_CONFLICT = "pod affinity terms conflict";

    private static final Status REJECTED = Status.unresolvable(ERR_REASON_POD);
    private static final CycleState.Key<RequiredNodeAffinity> REQUIRED = CycleState.Key.of(NAME + "/required");
    private static final CycleState.Key<List<PreferredSchedulingTerm>> PREFERRED =
            CycleState.Key.of(NAME + "/preferred");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
        RequiredNodeAffinity required = RequiredNodeAffinity.of(pod.pod());
        if (required.isEmpty()) {
            return PreFilterResult.skip();
        }
        state.write(REQUIRED, required);
        if (required.required() == null) {
            return PreFilterResult.success();
        }
        Set<String> names = pinnedNodeNames(required.required().nodeSelectorTerms());
        if (names == null) {
            return PreFilterResult.success();
        }
        return names.isEmpty() ? PreFilterResult.of(Status.unresolvable(ERR_REASON_CONFLICT))
                : PreFilterResult.nodes(names);
    }

    // Kubernetes' rule: the union over terms of the intersection of each term's "metadata.name In" values, or null
    // (all nodes) as soon as one term does not pin names.
    private static Set<String> pinnedNodeNames(List<NodeSelectorTerm> terms) {
        Set<String> union = null;
        for (NodeSelectorTerm term : terms) {
            Set<String> pinned = null;
            for (NodeSelectorRequirement r : term.matchFields()) {
                boolean pinsNames = RequiredNodeAffinity.NAME_FIELD.equals(r.key())
                        && NodeSelectorRequirement.IN.equals(r.operator());
                if (pinsNames) {
                    if (pinned == null) {
                        pinned = new HashSet<>(r.values());
                    } else {
                        pinned.retainAll(r.values());
                    }
                }
            }
            if (pinned == null) {
                return null;
            }
            union = union == null ? pinned : union;
            union.addAll(pinned);
        }
        return union;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        RequiredNodeAffinity required = state.read(REQUIRED);
        if (required == null) {
            required = RequiredNodeAffinity.of(pod.pod());
        }
        return required.matches(node.node()) ? Status.success() : REJECTED;
    }

    /** Skips the plugin for pods without preferred terms. */
    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasible) {
        var affinity = pod.pod().spec() == null ? null : pod.pod().spec().affinity();
        var nodeAffinity = affinity == null ? null : affinity.nodeAffinity();
        if (nodeAffinity == null || nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution().isEmpty()) {
            return Status.skip();
        }
        state.write(PREFERRED, nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution());
        return Status.success();
    }

    /** The sum of the weights of the preferred terms {@code node} matches. */
    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        List<PreferredSchedulingTerm> terms = state.read(PREFERRED);
        long score = 0;
        for (int i = 0, n = terms == null ? 0 : terms.size(); i < n; i++) {
            PreferredSchedulingTerm t = terms.get(i);
            if (t.weight() != null && t.weight() != 0 && t.preference() != null
                    && RequiredNodeAffinity.matches(t.preference(), node.node())) {
                score += t.weight();
            }
        }
        return score;
    }

    @Override
    public Status normalizeScore(CycleState state, PodInfo pod, NodeScores scores) {
        NodeScores.normalize(scores, MAX_NODE_SCORE, false);
        return Status.success();
    }

    /** A new node, or a label change, after which the node matches the pod's constraints, can help. */
    @Override
    public List<ClusterEventWithHint> eventsToRegister() {
        return List.of(new ClusterEventWithHint(
                ClusterEvent.of(EventResource.NODE, ActionType.ADD, ActionType.UPDATE_NODE_LABEL),
                (pod, oldObj, newObj) -> newObj instanceof Node n && RequiredNodeAffinity.of(pod).matches(n)
                        ? QueueingHint.QUEUE : QueueingHint.SKIP));
    }
}
