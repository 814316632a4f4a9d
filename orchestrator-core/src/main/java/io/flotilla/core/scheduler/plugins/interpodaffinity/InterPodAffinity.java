package io.flotilla.core.scheduler.plugins.interpodaffinity;

import io.flotilla.api.scheduler.ActionType;
import io.flotilla.api.scheduler.AffinityTerm;
import io.flotilla.api.scheduler.ClusterEvent;
import io.flotilla.api.scheduler.ClusterEventWithHint;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.EnqueueExtensions;
import io.flotilla.api.scheduler.EventResource;
import io.flotilla.api.scheduler.FilterPlugin;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.NodeScores;
import io.flotilla.api.scheduler.PluginArgs;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PreFilterPlugin;
import io.flotilla.api.scheduler.PreFilterResult;
import io.flotilla.api.scheduler.PreScorePlugin;
import io.flotilla.api.scheduler.SchedulerHandle;
import io.flotilla.api.scheduler.ScorePlugin;
import io.flotilla.api.scheduler.Status;
import java.util.List;
import java.util.Map;

/**
 * Inter-pod affinity and anti-affinity, like Kubernetes' {@code InterPodAffinity}.
 *
 * <p>Filter, in Kubernetes' order: every required affinity term needs its topology key on the node and a pod
 * matching all the terms in the node's domain — unless no pod anywhere matches and the pod matches its own terms
 * (the first pod of a group); no pod matching a required anti-affinity term may be in the node's domain; and no
 * existing pod's required anti-affinity may match the pod within its domain. PreFilter counts all of this per
 * topology pair once, so Filter is a few lookups per node.
 *
 * <p>Score: the incoming pod's preferred terms (weight added for affinity, subtracted for anti-affinity, per
 * matching existing pod), the existing pods' preferred terms towards it, and their required affinity terms with
 * {@code hardPodAffinityWeight} (argument, default 1), summed per topology pair; normalization maps the lowest node
 * to 0 and the highest to 100. Thread-safe; Filter and Score do not allocate.
 */
public final class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin,
        EnqueueExtensions {

    /** The plugin name. */
    public static final String NAME = "InterPodAffinity";
    /** Kubernetes' reason when an existing pod's anti-affinity rejects the pod. */
    public static final String ERR_REASON_EXISTING_ANTI_AFFINITY =
            "node(s) didn't satisfy existing pods anti-affinity rules";
    /** Kubernetes' reason when the pod's affinity is not satisfied. */
    public static final String ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
    /** Kubernetes' reason when the pod's anti-affinity is not satisfied. */
    public static final String ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";

    private static final Status AFFINITY_REJECTED = Status.unresolvable(ERR_REASON_AFFINITY);
    private static final Status ANTI_AFFINITY_REJECTED = Status.unschedulable(ERR_REASON_ANTI_AFFINITY);
    private static final Status EXISTING_REJECTED = Status.unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY);
    private static final CycleState.Key<FilterState> FILTER = CycleState.Key.of(NAME + "/filter");

    private final SchedulerHandle handle;
    private final PreferredScoring scoring;

    /**
     * Creates the plugin.
     *
     * @param args   {@code hardPodAffinityWeight} (0..100, default 1), {@code ignorePreferredTermsOfExistingPods}
     * @param handle the profile's handle; not null
     * @throws IllegalArgumentException if the weight is out of range
     */
    public InterPodAffinity(PluginArgs args, SchedulerHandle handle) {
        this.handle = handle;
        long hard = args.number("hardPodAffinityWeight", 1);
        if (hard < 0 || hard > 100) {
            throw new IllegalArgumentException("InterPodAffinity hardPodAffinityWeight must be in 0..100, got " + hard);
        }
        this.scoring = new PreferredScoring(handle, hard, args.bool("ignorePreferredTermsOfExistingPods", false));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
        List<NodeInfo> withAnti = handle.snapshot().nodesWithRequiredAntiAffinity();
        if (withAnti.isEmpty() && pod.requiredAffinityTerms().isEmpty() && pod.requiredAntiAffinityTerms().isEmpty()) {
            return PreFilterResult.skip();
        }
        FilterState s = new FilterState(pod.pod(), Terms.resolve(pod.requiredAffinityTerms(), handle.objects()),
                Terms.resolve(pod.requiredAntiAffinityTerms(), handle.objects()),
                Terms.namespaceLabels(pod.pod(), handle.objects()), new TopologyCounts(), new TopologyCounts(),
                new TopologyCounts());
        for (NodeInfo n : withAnti) {
            Map<String, String> labels = n.node().metadata().labels();
            for (PodInfo existing : n.podsWithRequiredAntiAffinity()) {
                for (AffinityTerm t : existing.requiredAntiAffinityTerms()) {
                    if (t.matches(pod.pod(), s.namespaceLabels)) {
                        s.existingAntiAffinity.add(labels, t.topologyKey(), 1);
                    }
                }
            }
        }
        if (!s.affinityTerms.isEmpty() || !s.antiAffinityTerms.isEmpty()) {
            countIncoming(s, nodes);
        }
        state.write(FILTER, s);
        return PreFilterResult.success();
    }

    private static void countIncoming(FilterState s, List<NodeInfo> nodes) {
        for (NodeInfo n : nodes) {
            if (n.node() == null) {
                continue;
            }
            Map<String, String> labels = n.node().metadata().labels();
            for (PodInfo existing : n.pods()) {
                if (!s.affinityTerms.isEmpty() && Terms.matchesAll(s.affinityTerms, existing.pod())) {
                    for (AffinityTerm t : s.affinityTerms) {
                        s.affinity.add(labels, t.topologyKey(), 1);
                    }
                }
                for (AffinityTerm t : s.antiAffinityTerms) {
                    if (t.matches(existing.pod(), null)) {
                        s.antiAffinity.add(labels, t.topologyKey(), 1);
                    }
                }
            }
        }
    }

    @Override
    public Status addPod(CycleState state, PodInfo pod, PodInfo added, NodeInfo node) {
        FilterState s = state.read(FILTER);
        if (s != null && node.node() != null) {
            s.update(added, node.node(), 1);
        }
        return Status.success();
    }

    @Override
    public Status removePod(CycleState state, PodInfo pod, PodInfo removed, NodeInfo node) {
        FilterState s = state.read(FILTER);
        if (s != null && node.node() != null) {
            s.update(removed, node.node(), -1);
        }
        return Status.success();
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        FilterState s = state.read(FILTER);
        if (s == null) {
            return Status.success();
        }
        Map<String, String> labels = node.node().metadata().labels();
        if (!satisfiesAffinity(s, labels)) {
            return AFFINITY_REJECTED;
        }
        for (int i = 0, n = s.antiAffinityTerms.size(); i < n; i++) {
            String key = s.antiAffinityTerms.get(i).topologyKey();
            if (s.antiAffinity.get(key, labels.get(key)) > 0) {
                return ANTI_AFFINITY_REJECTED;
            }
        }
        return s.existingAntiAffinity.anyPositiveOn(labels) ? EXISTING_REJECTED : Status.success();
    }

    private static boolean satisfiesAffinity(FilterState s, Map<String, String> labels) {
        boolean podsExist = true;
        for (int i = 0, n = s.affinityTerms.size(); i < n; i++) {
            String key = s.affinityTerms.get(i).topologyKey();
            String value = labels.get(key);
            if (value == null) {
                return false;
            }
            podsExist &= s.affinity.get(key, value) > 0;
        }
        // The first pod of a group that has affinity to itself may go anywhere its topology keys exist.
        return podsExist || (s.affinity.isEmpty() && Terms.matchesAll(s.affinityTerms, s.pod));
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasible) {
        return scoring.preScore(state, pod);
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        return scoring.score(state, node);
    }

    @Override
    public Status normalizeScore(CycleState state, PodInfo pod, NodeScores scores) {
        return scoring.normalize(state, scores);
    }

    /** Assigned pods coming, going or relabelled, and nodes added or relabelled, can change every term's outcome. */
    @Override
    public List<ClusterEventWithHint> eventsToRegister() {
        return List.of(
                ClusterEventWithHint.of(ClusterEvent.of(EventResource.POD, ActionType.ADD, ActionType.DELETE,
                        ActionType.UPDATE_POD_LABEL)),
                ClusterEventWithHint.of(ClusterEvent.of(EventResource.NODE, ActionType.ADD,
                        ActionType.UPDATE_NODE_LABEL)));
    }
}
