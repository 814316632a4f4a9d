package io.flotilla.core.scheduler;

import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.NodeScores;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PreFilterResult;
import io.flotilla.api.scheduler.ScorePlugin;
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.scheduler.table.NodeTable;
import io.flotilla.core.scheduler.table.TableScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/*
 * Design notes: Kubernetes' schedulePod for one profile — PreFilter, Filter over nodes walked round-robin from where
 * the previous cycle stopped until enough feasible nodes are found (percentageOfNodesToScore), PreScore, Score,
 * NormalizeScore, weights, and a uniformly random choice among the best. The node loop and the score loop reuse
 * arrays held here and allocate nothing per node; only rejected nodes cost an entry in the diagnosis. Confined to
 * the scheduling thread (one cycle at a time).
 * When the candidates are the whole snapshot, in-tree plugins decide and score from the snapshot's NodeTable (flat
 * rows, see the table package): a node passing the combined table check of the TableFilters only meets the other
 * filters; a node failing it meets all of them node by node, which gives the same verdict and reason as before.
 */

/** The scheduling algorithm of one profile. Not thread-safe: used by the scheduling loop only. */
final class NodeSelection {

    static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
    static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

    private final Framework fwk;
    private final Nominator nominator;
    private final RandomGenerator random;
    private int nextStartNodeIndex;
    private NodeInfo[] feasible = new NodeInfo[16];
    // the table rows of feasible[], when the cycle walked the snapshot's table (table != null)
    private int[] feasibleRows = new int[16];
    private NodeTable table;
    private long[][] scores;
    private long[] totals = new long[16];
    private final ScoreView view = new ScoreView();

    NodeSelection(Framework fwk, Nominator nominator, RandomGenerator random) {
        this.fwk = fwk;
        this.nominator = nominator;
        this.random = random;
        this.scores = new long[fwk.scores.length][16];
    }

    /** Kubernetes' numFeasibleNodesToFind. */
    static int numFeasibleNodesToFind(Integer percentage, int numAllNodes) {
        if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) {
            return numAllNodes;
        }
        int p = percentage != null ? percentage : Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND,
                50 - numAllNodes / 125);
        if (p >= 100) {
            return numAllNodes;
        }
        int n = (int) ((long) numAllNodes * p / 100);
        return Math.max(n, MIN_FEASIBLE_NODES_TO_FIND);
    }

    ScheduleResult schedule(CycleState state, PodInfo pod, Snapshot snapshot) {
        Diagnosis diagnosis = new Diagnosis(snapshot.size());
        if (snapshot.size() == 0) {
            diagnosis.recordPreFilter(Status.unresolvable(FailureMessage.NO_NODES));
            return ScheduleResult.fitError(diagnosis, 0);
        }
        Set<String> allowed = null;
        boolean[] skipFilter = state.read(Framework.FLAGS).skipFilter();
        List<NodeInfo> all = snapshot.nodes();
        for (int i = 0; i < fwk.preFilters.length; i++) {
            PreFilterResult r;
            try {
                r = fwk.preFilters[i].preFilter(state, pod, all);
            } catch (RuntimeException e) {
                r = PreFilterResult.of(Status.error(e));
            }
            Status s = r.status();
            if (s.isSkip()) {
                if (fwk.preFilterToFilter[i] >= 0) {
                    skipFilter[fwk.preFilterToFilter[i]] = true;
                }
                continue;
            }
            if (!s.isSuccess()) {
                s = s.withPlugin(fwk.preFilters[i].name());
                if (!s.isRejected()) {
                    return ScheduleResult.error(s);
                }
                diagnosis.recordPreFilter(s);
                return ScheduleResult.fitError(diagnosis, 0);
            }
            if (r.nodeNames() != null) {
                allowed = allowed == null ? new HashSet<>(r.nodeNames()) : intersect(allowed, r.nodeNames());
            }
        }
        List<NodeInfo> candidates = all;
        if (allowed != null) {
            candidates = new ArrayList<>();
            for (String name : allowed) {
                NodeInfo n = snapshot.node(name);
                if (n != null) {
                    candidates.add(n);
                }
            }
            if (candidates.size() < all.size()) {
                diagnosis.recordAbsent(all.size() - candidates.size(),
                        Status.unresolvable("node(s) didn't satisfy plugin(s) " + preFilterNames()));
            }
        }
        table = candidates == all ? snapshot.table : null;
        int found = candidates == all ? findFeasible(state, pod, snapshot.nodes, diagnosis)
                : findFeasible(state, pod, candidates.toArray(NodeInfo[]::new), diagnosis);
        int evaluated = Math.min(candidates.size(), diagnosis.nodeStatuses().size() + found);
        if (found == 0) {
            return ScheduleResult.fitError(diagnosis, evaluated);
        }
        if (found == 1) {
            return ScheduleResult.selected(feasible[0].name(), evaluated, 1);
        }
        Status scored = score(state, pod, found);
        if (!scored.isSuccess()) {
            return ScheduleResult.error(scored);
        }
        return ScheduleResult.selected(feasible[select(found)].name(), evaluated, found);
    }

    private int findFeasible(CycleState state, PodInfo pod, NodeInfo[] nodes, Diagnosis diagnosis) {
        int n = nodes.length;
        if (n == 0) {
            return 0;
        }
        int want = numFeasibleNodesToFind(fwk.profile().percentageOfNodesToScore().orElse(null), n);
        if (feasible.length < want) {
            feasible = new NodeInfo[Math.max(want, feasible.length * 2)];
            feasibleRows = new int[feasible.length];
        }
        boolean nominated = !nominator.isEmpty();
        int[] active = fwk.activeFilters(state);
        Framework.TablePlan plan = table == null || nominated ? null : fwk.tablePlan(state, pod, active);
        int start = nextStartNodeIndex % n;
        int found = 0;
        int processed = 0;
        for (int i = 0; i < n && found < want; i++) {
            int k = start + i;
            int row = k < n ? k : k - n;
            processed++;
            Status s;
            if (plan != null && plan.check().passes(table, row)) {
                s = plan.perNode().length == 0 ? Status.success()
                        : fwk.runFilters(state, pod, nodes[row], plan.perNode());
            } else {
                s = nominated ? filterWithNominated(state, pod, nodes[row])
                        : fwk.runFilters(state, pod, nodes[row], active);
            }
            if (s.isSuccess()) {
                feasibleRows[found] = row;
                feasible[found++] = nodes[row];
            } else {
                diagnosis.recordNode(nodes[row].name(), s);
            }
        }
        nextStartNodeIndex = (start + processed) % n;
        return found;
    }

    /** Kubernetes' RunFilterPluginsWithNominatedPods: the node must fit with and without higher nominated pods. */
    Status filterWithNominated(CycleState state, PodInfo pod, NodeInfo node) {
        List<PodInfo> nominated = nominator.nominatedPods(node.name());
        if (nominated.isEmpty()) {
            return fwk.runFilters(state, pod, node);
        }
        CycleState copy = null;
        NodeInfo withNominated = node;
        for (PodInfo np : nominated) {
            if (np.priority() >= pod.priority() && !np.id().equals(pod.id())) {
                copy = copy == null ? state.copy() : copy;
                withNominated = withNominated.withPod(np);
                Status s = fwk.runPreFilterAddPod(copy, pod, np, withNominated);
                if (!s.isSuccess()) {
                    return s;
                }
            }
        }
        if (copy != null) {
            Status s = fwk.runFilters(copy, pod, withNominated);
            if (!s.isSuccess()) {
                return s;
            }
        }
        return fwk.runFilters(state, pod, node);
    }

    private Status score(CycleState state, PodInfo pod, int n) {
        List<NodeInfo> feasibleList = Arrays.asList(feasible).subList(0, n);
        boolean[] skipScore = state.read(Framework.FLAGS).skipScore();
        for (int i = 0; i < fwk.preScores.length; i++) {
            Status s;
            try {
                s = fwk.preScores[i].preScore(state, pod, java.util.Collections.unmodifiableList(feasibleList));
            } catch (RuntimeException e) {
                s = Status.error(e);
            }
            if (s.isSkip()) {
                if (fwk.preScoreToScore[i] >= 0) {
                    skipScore[fwk.preScoreToScore[i]] = true;
                }
            } else if (!s.isSuccess()) {
                return s.withPlugin(fwk.preScores[i].name());
            }
        }
        if (totals.length < n) {
            totals = new long[Math.max(n, totals.length * 2)];
        }
        Arrays.fill(totals, 0, n, 0L);
        for (int p = 0; p < fwk.scores.length; p++) {
            if (skipScore[p]) {
                continue;
            }
            Status s = scorePlugin(state, pod, p, n);
            if (!s.isSuccess()) {
                return s.withPlugin(fwk.scores[p].name());
            }
        }
        return Status.success();
    }

    private Status scorePlugin(CycleState state, PodInfo pod, int p, int n) {
        ScorePlugin plugin = fwk.scores[p];
        if (scores[p].length < n) {
            scores[p] = new long[Math.max(n, scores[p].length * 2)];
        }
        long[] s = scores[p];
        try {
            if (table == null || !(plugin instanceof TableScore t)
                    || !t.scoreTable(state, pod, table, feasibleRows, n, s)) {
                for (int j = 0; j < n; j++) {
                    s[j] = plugin.score(state, pod, feasible[j]);
                }
            }
            view.bind(s, n);
            Status st = plugin.normalizeScore(state, pod, view);
            if (!st.isSuccess()) {
                return st;
            }
        } catch (RuntimeException e) {
            return Status.error(e);
        }
        long w = fwk.weights[p];
        for (int j = 0; j < n; j++) {
            if (s[j] < ScorePlugin.MIN_NODE_SCORE || s[j] > ScorePlugin.MAX_NODE_SCORE) {
                return Status.error("plugin returned an invalid score " + s[j] + " for node " + feasible[j].name()
                        + ", should be in [0, 100]");
            }
            totals[j] += s[j] * w;
        }
        return Status.success();
    }

    /** Kubernetes' selectHost: the highest total, ties broken uniformly at random (reservoir sampling). */
    private int select(int n) {
        int best = 0;
        long max = totals[0];
        int ties = 1;
        for (int j = 1; j < n; j++) {
            long t = totals[j];
            if (t > max) {
                max = t;
                best = j;
                ties = 1;
            } else if (t == max) {
                ties++;
                if (random.nextInt(ties) == 0) {
                    best = j;
                }
            }
        }
        return best;
    }

    /** The total score of the i-th feasible node of the last cycle; for tests. */
    long lastTotal(int i) {
        return totals[i];
    }

    private String preFilterNames() {
        List<String> names = new ArrayList<>();
        for (var p : fwk.preFilters) {
            names.add(p.name());
        }
        return names.toString();
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        a.retainAll(b);
        return a;
    }

    private final class ScoreView implements NodeScores {
        private long[] values;
        private int size;

        void bind(long[] values, int size) {
            this.values = values;
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public NodeInfo node(int index) {
            return feasible[index];
        }

        @Override
        public long score(int index) {
            return values[index];
        }

        @Override
        public void setScore(int index, long score) {
            values[index] = score;
        }
    }
}
