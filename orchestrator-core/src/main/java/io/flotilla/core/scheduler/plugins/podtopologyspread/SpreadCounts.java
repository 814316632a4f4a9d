package io.flotilla.core.scheduler.plugins.podtopologyspread;

import io.flotilla.api.scheduler.NodeInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/*
 * Design notes: PreFilter needs, per constraint, the matching pods per domain over the eligible nodes — a selector
 * match for every pod in the cluster, every cycle. NodeInfo instances are immutable and replaced on every change, so
 * a node whose instance is the one seen in the previous cycle gives the same answers: this cache keeps, per snapshot
 * position, the node's domains and counts, recounts only the nodes whose instance changed (normally the one the
 * previous pod went to) and keeps the per-domain totals up to date incrementally. Used only for pods without
 * required node affinity, whose eligibility depends on the node alone.
 */

/** Matching-pod counts per domain for one set of constraints and namespace, kept across cycles. Thread-safe. */
final class SpreadCounts {

    private final List<Constraint> constraints;
    private final String namespace;
    private NodeInfo[] seen = new NodeInfo[0];
    private String[][] domains = new String[0][];
    private int[][] counts = new int[0][];
    // per constraint: domain -> {matching pods, eligible nodes}
    private final List<Map<String, int[]>> totals = new ArrayList<>();

    SpreadCounts(List<Constraint> constraints, String namespace) {
        this.constraints = constraints;
        this.namespace = namespace;
        for (int i = 0; i < constraints.size(); i++) {
            totals.add(new HashMap<>());
        }
    }

    /** Brings the counts up to date with {@code nodes}; a fresh copy of the totals per constraint, for one cycle. */
    synchronized List<Map<String, Integer>> counts(List<NodeInfo> nodes) {
        int n = nodes.size();
        if (seen.length != n) {
            seen = new NodeInfo[n];
            domains = new String[n][];
            counts = new int[n][];
            totals.forEach(Map::clear);
        }
        for (int i = 0; i < n; i++) {
            NodeInfo node = nodes.get(i);
            if (node != seen[i]) {
                apply(i, -1);
                seen[i] = node;
                recount(i, node);
                apply(i, 1);
            }
        }
        List<Map<String, Integer>> out = new ArrayList<>(totals.size());
        for (Map<String, int[]> t : totals) {
            Map<String, Integer> copy = new HashMap<>(Math.max(16, t.size() * 2));
            t.forEach((domain, c) -> copy.put(domain, c[0]));
            out.add(copy);
        }
        return out;
    }

    private void recount(int i, NodeInfo node) {
        if (node.node() == null || !Constraint.hasAllKeys(node.node(), constraints)) {
            domains[i] = null;
            counts[i] = null;
            return;
        }
        Map<String, String> labels = node.node().metadata().labels();
        String[] d = new String[constraints.size()];
        int[] c = new int[constraints.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = labels.get(constraints.get(k).topologyKey());
            c[k] = constraints.get(k).count(node.pods(), namespace);
        }
        domains[i] = d;
        counts[i] = c;
    }

    private void apply(int i, int sign) {
        String[] d = domains[i];
        if (d == null) {
            return;
        }
        for (int k = 0; k < d.length; k++) {
            int[] t = totals.get(k).computeIfAbsent(d[k], x -> new int[2]);
            t[0] += sign * counts[i][k];
            t[1] += sign;
            if (t[1] == 0) {
                totals.get(k).remove(d[k]);
            }
        }
    }
}
