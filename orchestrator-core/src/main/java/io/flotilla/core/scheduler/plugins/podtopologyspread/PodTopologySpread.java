package io.flotilla.core.scheduler.plugins.podtopologyspread;

import io.flotilla.api.core.Pod;
import io.flotilla.api.core.TopologySpreadConstraint;
import io.flotilla.api.scheduler.ActionType;
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
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.scheduler.plugins.nodeaffinity.RequiredNodeAffinity;
import io.flotilla.core.scheduler.table.NodeTable;
import io.flotilla.core.scheduler.table.TableScore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Topology spread constraints, like Kubernetes' {@code PodTopologySpread} with its default node inclusion
 * policies (node affinity honoured, taints ignored).
 *
 * <p>Filter, for each {@code DoNotSchedule} constraint: a node without the topology key is rejected with
 * {@code node(s) didn't match pod topology spread constraints (missing required label)} (preemption cannot help);
 * otherwise {@code matching pods in the node's domain + (1 if the pod matches its own selector) - global minimum}
 * must not exceed {@code maxSkew}, else {@code node(s) didn't match pod topology spread constraints}. The global
 * minimum is over the domains of eligible nodes, and 0 while there are fewer than {@code minDomains} of them.
 *
 * <p>Score: see {@link SpreadScoring}, for the {@code ScheduleAnyway} constraints. Pods without constraints get
 * the defaults of {@link DefaultConstraints}. For pods without required node affinity, PreFilter's per-domain counts
 * ({@link SpreadCounts}) and PreScore's per-node and per-domain counts ({@link ScoreCounts}) are kept across cycles,
 * so a cycle recounts only the nodes that changed. Thread-safe; Filter does not allocate.
 */
public final class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreScorePlugin, TableScore,
        EnqueueExtensions {

    /** The plugin name. */
    public static final String NAME = "PodTopologySpread";
    /** Kubernetes' reason when a domain would be too skewed. */
    public static final String ERR_REASON_CONSTRAINTS_NOT_MATCH =
            "node(s) didn't match pod topology spread constraints";
    /** Kubernetes' reason when the node lacks a topology key. */
    public static final String ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH
            + " (missing required label)";

    private static final Status SKEWED = Status.unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
    private static final Status MISSING_LABEL = Status.unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
    private static final CycleState.Key<FilterState> FILTER = CycleState.Key.of(NAME + "/filter");

    private static final int CACHED_CONSTRAINT_SETS = 16;

    private final SchedulerHandle handle;
    private final DefaultConstraints defaults;
    private final Map<CountsKey, SpreadCounts> counts = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CountsKey, SpreadCounts> eldest) {
            return size() > CACHED_CONSTRAINT_SETS;
        }
    };

    private final Map<ScoreKey, ScoreCounts> scoreCounts = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ScoreKey, ScoreCounts> eldest) {
            return size() > CACHED_CONSTRAINT_SETS;
        }
    };

    private record CountsKey(List<Constraint> constraints, String namespace) {
    }

    private record ScoreKey(List<Constraint> constraints, String namespace, boolean requireAllKeys) {
    }

    /**
     * Creates the plugin.
     *
     * @param args   {@code defaultingType} ({@code System} or {@code List}) and {@code defaultConstraints}
     * @param handle the profile's handle; not null
     * @throws IllegalArgumentException for malformed arguments
     */
    public PodTopologySpread(PluginArgs args, SchedulerHandle handle) {
        this.handle = handle;
        this.defaults = DefaultConstraints.parse(args);
    }

    @Override
    public String name() {
        return NAME;
    }

    private List<Constraint> constraints(Pod pod, String whenUnsatisfiable) {
        boolean explicit = pod.spec() != null && !pod.spec().topologySpreadConstraints().isEmpty();
        return explicit ? Constraint.of(pod, whenUnsatisfiable)
                : defaults.forPod(pod, whenUnsatisfiable, handle.objects());
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
        List<Constraint> constraints = constraints(pod.pod(), TopologySpreadConstraint.DO_NOT_SCHEDULE);
        if (constraints.isEmpty()) {
            return PreFilterResult.skip();
        }
        String ns = PodInfo.namespaceOf(pod.pod());
        boolean[] self = new boolean[constraints.size()];
        for (int i = 0; i < constraints.size(); i++) {
            self[i] = constraints.get(i).selector() != null
                    && constraints.get(i).selector().matches(pod.pod().metadata().labels());
        }
        RequiredNodeAffinity affinity = RequiredNodeAffinity.of(pod.pod());
        List<Map<String, Integer>> counts = affinity.isEmpty() ? cachedCounts(constraints, ns).counts(nodes)
                : countAll(constraints, ns, affinity, nodes);
        state.write(FILTER, new FilterState(constraints, ns, affinity, counts, self));
        return PreFilterResult.success();
    }

    private SpreadCounts cachedCounts(List<Constraint> constraints, String ns) {
        synchronized (counts) {
            return counts.computeIfAbsent(new CountsKey(constraints, ns), k -> new SpreadCounts(constraints, ns));
        }
    }

    private static List<Map<String, Integer>> countAll(List<Constraint> constraints, String ns,
                                                       RequiredNodeAffinity affinity, List<NodeInfo> nodes) {
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (int i = 0; i < constraints.size(); i++) {
            counts.add(new HashMap<>());
        }
        for (NodeInfo n : nodes) {
            if (n.node() == null || !Constraint.hasAllKeys(n.node(), constraints) || !affinity.matches(n.node())) {
                continue;
            }
            for (int i = 0; i < constraints.size(); i++) {
                Constraint c = constraints.get(i);
                counts.get(i).merge(n.node().metadata().labels().get(c.topologyKey()), c.count(n.pods(), ns),
                        Integer::sum);
            }
        }
        return counts;
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
        for (int i = 0, n = s.constraints.size(); i < n; i++) {
            Constraint c = s.constraints.get(i);
            String value = labels.get(c.topologyKey());
            if (value == null) {
                return MISSING_LABEL;
            }
            Integer count = s.counts.get(i).get(value);
            long skew = (count == null ? 0 : count) + (s.selfMatch[i] ? 1 : 0) - s.minMatch(i);
            if (skew > c.maxSkew()) {
                return SKEWED;
            }
        }
        return Status.success();
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasible) {
        List<Constraint> constraints = constraints(pod.pod(), TopologySpreadConstraint.SCHEDULE_ANYWAY);
        boolean explicit = pod.pod().spec() != null && !pod.pod().spec().topologySpreadConstraints().isEmpty();
        boolean requireAllKeys = explicit || !defaults.isSystem();
        ScoreCounts cached = constraints.isEmpty() || !RequiredNodeAffinity.of(pod.pod()).isEmpty() ? null
                : cachedScoreCounts(new ScoreKey(constraints, PodInfo.namespaceOf(pod.pod()), requireAllKeys));
        return SpreadScoring.preScore(state, pod, feasible, handle.snapshot().nodes(), constraints, requireAllKeys,
                cached) ? Status.success() : Status.skip();
    }

    private ScoreCounts cachedScoreCounts(ScoreKey key) {
        synchronized (scoreCounts) {
            return scoreCounts.computeIfAbsent(key,
                    k -> new ScoreCounts(k.constraints(), k.namespace(), k.requireAllKeys()));
        }
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        return SpreadScoring.score(state, node);
    }

    /** Scores from the counts kept across cycles by snapshot row, without looking nodes up by name. */
    @Override
    public boolean scoreTable(CycleState state, PodInfo pod, NodeTable table, int[] rows, int n, long[] out) {
        return SpreadScoring.scoreRows(state, table, rows, n, out);
    }

    @Override
    public Status normalizeScore(CycleState state, PodInfo pod, NodeScores scores) {
        SpreadScoring.normalize(state, scores);
        return Status.success();
    }

    /** Assigned pods coming, going or relabelled, and nodes coming, going or relabelled, change the counts. */
    @Override
    public List<ClusterEventWithHint> eventsToRegister() {
        return List.of(
                ClusterEventWithHint.of(ClusterEvent.of(EventResource.POD, ActionType.ADD, ActionType.DELETE,
                        ActionType.UPDATE_POD_LABEL)),
                ClusterEventWithHint.of(ClusterEvent.of(EventResource.NODE, ActionType.ADD, ActionType.DELETE,
                        ActionType.UPDATE_NODE_LABEL, ActionType.UPDATE_NODE_TAINT)));
    }
}
