package io.flotilla.core.scheduler.plugins.podtopologyspread;

import io.flotilla.api.core.Node;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.NodeScores;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.ScorePlugin;
import io.flotilla.core.scheduler.plugins.nodeaffinity.RequiredNodeAffinity;
import io.flotilla.core.scheduler.table.NodeTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scoring half of PodTopologySpread, like Kubernetes' {@code scoring.go}. PreScore counts matching pods per
 * domain of the feasible nodes (over every node that matches the pod's node affinity), weighting each constraint by
 * {@code log(domains + 2)}; a node scores {@code sum(count * weight + maxSkew - 1)}, so fuller domains score
 * higher, and normalization turns that into {@code 100 * (max + min - score) / max}. Nodes missing a topology key
 * (when every key is required) score 0. Per-cycle state; this class is stateless (the counts kept across cycles
 * are {@link ScoreCounts}).
 */
final class SpreadScoring {

    private static final CycleState.Key<State> KEY = CycleState.Key.of(PodTopologySpread.NAME + "/score");

    private record State(List<Constraint> constraints, String namespace, List<Map<String, long[]>> counts,
                         double[] weights, Set<String> ignored, ScoreCounts.View view) {

        /** The node's position in the view, or -1 when counting afresh. */
        int position(NodeInfo n) {
            return view == null ? -1 : view.position(n);
        }

        /** The node's domain of constraint {@code i}; null if it lacks the label. */
        String domain(NodeInfo n, int pos, int i) {
            if (pos >= 0) {
                String[] d = view.entries()[pos].domains();
                return d == null ? n.node().metadata().labels().get(constraints.get(i).topologyKey()) : d[i];
            }
            return n.node().metadata().labels().get(constraints.get(i).topologyKey());
        }

        /** The node's pods matching constraint {@code i}. */
        long count(NodeInfo n, int pos, int i) {
            return pos >= 0 ? view.entries()[pos].counts()[i] : constraints.get(i).count(n.pods(), namespace);
        }
    }

    private SpreadScoring() {
    }

    /**
     * Pre-computes; false if there is nothing to score. {@code cached} holds the counts kept across cycles for a
     * pod without required node affinity, null to count afresh.
     */
    static boolean preScore(CycleState cycle, PodInfo pod, List<NodeInfo> feasible, List<NodeInfo> all,
                            List<Constraint> constraints, boolean requireAllKeys, ScoreCounts cached) {
        if (constraints.isEmpty() || feasible.isEmpty()) {
            return false;
        }
        String ns = PodInfo.namespaceOf(pod.pod());
        ScoreCounts.View view = cached == null ? null : cached.update(all);
        State s = new State(constraints, ns, new ArrayList<>(), new double[constraints.size()], new HashSet<>(),
                view);
        constraints.forEach(c -> s.counts.add(new HashMap<>()));
        int[] domains = feasibleDomains(s, feasible, requireAllKeys);
        for (int i = 0; i < constraints.size(); i++) {
            int size = DefaultConstraints.HOSTNAME.equals(constraints.get(i).topologyKey())
                    ? feasible.size() - s.ignored.size() : domains[i];
            s.weights[i] = Math.log(size + 2);
        }
        if (view != null) {
            for (int i = 0; i < constraints.size(); i++) {
                Map<String, Long> totals = view.totals().get(i);
                s.counts.get(i).forEach((domain, holder) -> holder[0] = totals.getOrDefault(domain, 0L));
            }
        } else {
            countAll(s, all, RequiredNodeAffinity.of(pod.pod()), requireAllKeys);
        }
        cycle.write(KEY, s);
        return true;
    }

    /** Notes the domains of the feasible nodes (and the nodes to ignore); the number of domains per constraint. */
    private static int[] feasibleDomains(State s, List<NodeInfo> feasible, boolean requireAllKeys) {
        List<Constraint> constraints = s.constraints;
        int[] domains = new int[constraints.size()];
        boolean needed = requireAllKeys || s.view == null;
        for (int i = 0; i < constraints.size() && !needed; i++) {
            needed = !DefaultConstraints.HOSTNAME.equals(constraints.get(i).topologyKey())
                    && !s.view.totals().get(i).isEmpty();
        }
        for (int j = 0, size = needed ? feasible.size() : 0; j < size; j++) {
            NodeInfo n = feasible.get(j);
            if (requireAllKeys && !Constraint.hasAllKeys(n.node(), constraints)) {
                s.ignored.add(n.name());
                continue;
            }
            int pos = s.position(n);
            for (int i = 0; i < constraints.size(); i++) {
                if (DefaultConstraints.HOSTNAME.equals(constraints.get(i).topologyKey())) {
                    continue;
                }
                String value = s.domain(n, pos, i);
                if (value != null && s.counts.get(i).putIfAbsent(value, new long[1]) == null) {
                    domains[i]++;
                }
            }
        }
        return domains;
    }

    /** Counts the matching pods per feasible domain over every eligible node, without the cache. */
    private static void countAll(State s, List<NodeInfo> all, RequiredNodeAffinity affinity,
                                 boolean requireAllKeys) {
        for (NodeInfo n : all) {
            Node node = n.node();
            if (node == null || !affinity.matches(node)
                    || (requireAllKeys && !Constraint.hasAllKeys(node, s.constraints))) {
                continue;
            }
            for (int i = 0; i < s.constraints.size(); i++) {
                long[] holder = s.counts.get(i).get(node.metadata().labels().get(s.constraints.get(i).topologyKey()));
                if (holder != null) {
                    holder[0] += s.constraints.get(i).count(n.pods(), s.namespace);
                }
            }
        }
    }

    static long score(CycleState cycle, NodeInfo node) {
        State s = cycle.read(KEY);
        return s == null ? 0 : score(s, node, s.position(node));
    }

    /**
     * Scores the feasible nodes of {@code rows} (snapshot positions, as {@link NodeTable} rows are) into
     * {@code out}; false if this cycle counted afresh, so that the nodes are scored one by one.
     */
    static boolean scoreRows(CycleState cycle, NodeTable table, int[] rows, int n, long[] out) {
        State s = cycle.read(KEY);
        if (s == null || s.view == null) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            int row = rows[j];
            NodeInfo node = table.node(row);
            out[j] = score(s, node, s.view.holds(row, node) ? row : s.position(node));
        }
        return true;
    }

    private static long score(State s, NodeInfo node, int pos) {
        if (!s.ignored.isEmpty() && s.ignored.contains(node.name())) {
            return 0;
        }
        double score = 0;
        for (int i = 0, n = s.constraints.size(); i < n; i++) {
            Constraint c = s.constraints.get(i);
            String value = s.domain(node, pos, i);
            if (value == null) {
                continue;
            }
            long count;
            if (DefaultConstraints.HOSTNAME.equals(c.topologyKey())) {
                count = s.count(node, pos, i);
            } else {
                long[] holder = s.counts.get(i).get(value);
                count = holder == null ? 0 : holder[0];
            }
            score += count * s.weights[i] + (c.maxSkew() - 1);
        }
        return Math.round(score);
    }

    static void normalize(CycleState cycle, NodeScores scores) {
        State s = cycle.read(KEY);
        if (s == null) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = 0;
        boolean anyIgnored = !s.ignored.isEmpty();
        for (int i = 0, n = scores.size(); i < n; i++) {
            if (!anyIgnored || !s.ignored.contains(scores.node(i).name())) {
                min = Math.min(min, scores.score(i));
                max = Math.max(max, scores.score(i));
            }
        }
        for (int i = 0, n = scores.size(); i < n; i++) {
            if (anyIgnored && s.ignored.contains(scores.node(i).name())) {
                scores.setScore(i, 0);
            } else {
                scores.setScore(i, max == 0 ? ScorePlugin.MAX_NODE_SCORE
                        : ScorePlugin.MAX_NODE_SCORE * (max + min - scores.score(i)) / max);
            }
        }
    }
}
