package io.flotilla.core.scheduler.plugins.podtopologyspread;

import io.flotilla.api.scheduler.NodeInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/*
 * Design notes: PreScore and Score need, per node, its domain of each constraint and how many of its pods match, and
 * per domain the matching pods over every eligible node: done afresh, that is a selector match for every pod in the
 * cluster each cycle (Kubernetes counts in PreScore once per cycle). NodeInfo instances are immutable and replaced
 * on every change, so, as in SpreadCounts, this cache keeps per snapshot position the node's domains and counts,
 * recounts only the nodes whose instance changed (normally the one or two the last cycles touched), and keeps the
 * per-domain totals of the non-hostname constraints up to date incrementally. A cycle reads an immutable View.
 * Used only for pods without required node affinity, whose eligibility depends on the node alone.
 */

/** Scoring counts for one set of constraints, namespace and key requirement, kept across cycles. Thread-safe. */
final class ScoreCounts {

    private final List<Constraint> constraints;
    private final String namespace;
    private final boolean requireAllKeys;
    private final boolean[] perNode;
    private Entry[] entries = new Entry[0];
    private Map<String, Integer> positions = Map.of();
    // per constraint (empty for per-node ones): domain -> {matching pods, eligible nodes}
    private final List<Map<String, int[]>> totals = new ArrayList<>();

    ScoreCounts(List<Constraint> constraints, String namespace, boolean requireAllKeys) {
        this.constraints = constraints;
        this.namespace = namespace;
        this.requireAllKeys = requireAllKeys;
        this.perNode = new boolean[constraints.size()];
        for (int i = 0; i < constraints.size(); i++) {
            perNode[i] = DefaultConstraints.HOSTNAME.equals(constraints.get(i).topologyKey());
            totals.add(new HashMap<>());
        }
    }

    /**
     * One node as counted: its domain of each constraint (null where the label is missing; {@code domains} null
     * as a whole when the node is not eligible) and its matching pods per constraint. Immutable once built.
     */
    record Entry(NodeInfo node, String[] domains, int[] counts) {
    }

    /**
     * What one cycle reads: the entries by snapshot position, and per non-hostname constraint the matching pods per
     * domain over all eligible nodes.
     */
    record View(Entry[] entries, Map<String, Integer> positions, List<Map<String, Long>> totals) {

        /** The node's position, or -1 if {@code node} is not the instance this view counted. */
        int position(NodeInfo node) {
            Integer p = positions.get(node.name());
            return p != null && entries[p].node() == node ? p : -1;
        }

        /** Whether position {@code row} holds {@code node} as counted. */
        boolean holds(int row, NodeInfo node) {
            return row < entries.length && entries[row].node() == node;
        }
    }

    /** Brings the counts up to date with {@code nodes} (the snapshot's, in its order) and returns a view of them. */
    synchronized View update(List<NodeInfo> nodes) {
        int n = nodes.size();
        if (entries.length != n) {
            entries = new Entry[n];
            totals.forEach(Map::clear);
        }
        boolean moved = positions.size() != n;
        for (int i = 0; i < n; i++) {
            NodeInfo node = nodes.get(i);
            Entry old = entries[i];
            if (old == null || old.node() != node) {
                moved |= old == null || !old.node().name().equals(node.name());
                apply(old, -1);
                entries[i] = count(node);
                apply(entries[i], 1);
            }
        }
        if (moved) {
            Map<String, Integer> p = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                p.put(entries[i].node().name(), i);
            }
            positions = p;
        }
        List<Map<String, Long>> copy = new ArrayList<>(totals.size());
        for (Map<String, int[]> t : totals) {
            Map<String, Long> m = new HashMap<>(Math.max(4, t.size() * 2));
            t.forEach((domain, c) -> m.put(domain, (long) c[0]));
            copy.add(m);
        }
        return new View(entries.clone(), positions, copy);
    }

    private Entry count(NodeInfo node) {
        int[] c = new int[constraints.size()];
        for (int k = 0; k < c.length; k++) {
            // the default constraints share one selector: match each pod once
            c[k] = k > 0 && constraints.get(k).selector() == constraints.get(k - 1).selector() ? c[k - 1]
                    : constraints.get(k).count(node.pods(), namespace);
        }
        if (node.node() == null || (requireAllKeys && !Constraint.hasAllKeys(node.node(), constraints))) {
            return new Entry(node, null, c);
        }
        Map<String, String> labels = node.node().metadata().labels();
        String[] d = new String[constraints.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = labels.get(constraints.get(k).topologyKey());
        }
        return new Entry(node, d, c);
    }

    private void apply(Entry e, int sign) {
        String[] d = e == null ? null : e.domains();
        if (d == null) {
            return;
        }
        for (int k = 0; k < d.length; k++) {
            if (perNode[k] || d[k] == null) {
                continue;
            }
            int[] t = totals.get(k).computeIfAbsent(d[k], x -> new int[2]);
            t[0] += sign * e.counts()[k];
            t[1] += sign;
            if (t[1] == 0) {
                totals.get(k).remove(d[k]);
            }
        }
    }
}
