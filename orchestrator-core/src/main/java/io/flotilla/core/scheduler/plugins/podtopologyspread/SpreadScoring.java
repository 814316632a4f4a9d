package io.flotilla.core.scheduler.plugins.podtopologyspread;

import io.flotilla.api.core.Node;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.NodeScores;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.ScorePlugin;
import io.flotilla.core.scheduler.plugins.nodeaffinity.RequiredNodeAffinity;
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
 * (when every key is required) score 0. Per-cycle state; this class is stateless.
 */
final class SpreadScoring {

    private static final CycleState.Key<State> KEY = CycleState.Key.of(PodTopologySpread.NAME + "/score");

    private record State(List<Constraint> constraints, String namespace, List<Map<String, long[]>> counts,
                         double[] weights, Set<String> ignored) {
    }

    private SpreadScoring() {
    }

    /** Pre-computes; false if there is nothing to score. */
    static boolean preScore(CycleState cycle, PodInfo pod, List<NodeInfo> feasible, List<NodeInfo> all,
                            List<Constraint> constraints, boolean requireAllKeys) {
        if (constraints.isEmpty() || feasible.isEmpty()) {
            return false;
        }
        String ns = PodInfo.namespaceOf(pod.pod());
        State s = new State(constraints, ns, new ArrayList<>(), new double[constraints.size()], new HashSet<>());
        int[] domains = new int[constraints.size()];
        constraints.forEach(c -> s.counts.add(new HashMap<>()));
        for (NodeInfo n : feasible) {
            if (requireAllKeys && !Constraint.hasAllKeys(n.node(), constraints)) {
                s.ignored.add(n.name());
                continue;
            }
            for (int i = 0; i < constraints.size(); i++) {
                String value = n.node().metadata().labels().get(constraints.get(i).topologyKey());
                boolean perNode = DefaultConstraints.HOSTNAME.equals(constraints.get(i).topologyKey());
                if (value != null && !perNode && s.counts.get(i).putIfAbsent(value, new long[1]) == null) {
                    domains[i]++;
                }
            }
        }
        for (int i = 0; i < constraints.size(); i++) {
            int size = DefaultConstraints.HOSTNAME.equals(constraints.get(i).topologyKey())
                    ? feasible.size() - s.ignored.size() : domains[i];
            s.weights[i] = Math.log(size + 2);
        }
        RequiredNodeAffinity affinity = RequiredNodeAffinity.of(pod.pod());
        for (NodeInfo n : all) {
            Node node = n.node();
            if (node == null || !affinity.matches(node)
                    || (requireAllKeys && !Constraint.hasAllKeys(node, constraints))) {
                continue;
            }
            for (int i = 0; i < constraints.size(); i++) {
                long[] holder = s.counts.get(i).get(node.metadata().labels().get(constraints.get(i).topologyKey()));
                if (holder != null) {
                    holder[0] += constraints.get(i).count(n.pods(), ns);
                }
            }
        }
        cycle.write(KEY, s);
        return true;
    }

    static long score(CycleState cycle, NodeInfo node) {
        State s = cycle.read(KEY);
        if (s == null || s.ignored.contains(node.name())) {
            return 0;
        }
        Map<String, String> labels = node.node().metadata().labels();
        double score = 0;
        for (int i = 0, n = s.constraints.size(); i < n; i++) {
            Constraint c = s.constraints.get(i);
            String value = labels.get(c.topologyKey());
            if (value == null) {
                continue;
            }
            long count;
            if (DefaultConstraints.HOSTNAME.equals(c.topologyKey())) {
                count = c.count(node.pods(), s.namespace);
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
        for (int i = 0, n = scores.size(); i < n; i++) {
            if (!s.ignored.contains(scores.node(i).name())) {
                min = Math.min(min, scores.score(i));
                max = Math.max(max, scores.score(i));
            }
        }
        for (int i = 0, n = scores.size(); i < n; i++) {
            if (s.ignored.contains(scores.node(i).name())) {
                scores.setScore(i, 0);
            } else {
                scores.setScore(i, max == 0 ? ScorePlugin.MAX_NODE_SCORE
                        : ScorePlugin.MAX_NODE_SCORE * (max + min - scores.score(i)) / max);
            }
        }
    }
}
