package io.flotilla.core.scheduler.plugins.podtopologyspread;

import io.flotilla.api.core.Node;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.core.scheduler.plugins.nodeaffinity.RequiredNodeAffinity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What PreFilter counts for the {@code DoNotSchedule} constraints, like Kubernetes' PodTopologySpread
 * {@code preFilterState}: per constraint, the matching pods per domain over the eligible nodes (those matching the
 * pod's node affinity and carrying every topology key), the smallest count, and whether the pod matches its own
 * selector. Copyable, since preemption adds and removes pods on a copy.
 */
final class FilterState implements CycleState.Copyable<FilterState> {

    final List<Constraint> constraints;
    final String namespace;
    final RequiredNodeAffinity nodeAffinity;
    final List<Map<String, Integer>> counts;
    final long[] min;
    final boolean[] selfMatch;

    FilterState(List<Constraint> constraints, String namespace, RequiredNodeAffinity nodeAffinity,
                List<Map<String, Integer>> counts, boolean[] selfMatch) {
        this.constraints = constraints;
        this.namespace = namespace;
        this.nodeAffinity = nodeAffinity;
        this.counts = counts;
        this.selfMatch = selfMatch;
        this.min = new long[constraints.size()];
        for (int i = 0; i < min.length; i++) {
            recomputeMin(i);
        }
    }

    /** Whether {@code node} takes part in counting. */
    boolean eligible(Node node) {
        return Constraint.hasAllKeys(node, constraints) && nodeAffinity.matches(node);
    }

    /** The global minimum of constraint {@code i}, 0 when fewer domains than {@code minDomains} exist. */
    long minMatch(int i) {
        return counts.get(i).size() < constraints.get(i).minDomains() ? 0 : min[i];
    }

    /** Counts {@code pod} on {@code node} with {@code delta} (+1 added, -1 removed), if it matters. */
    void update(PodInfo pod, Node node, int delta) {
        if (!namespace.equals(PodInfo.namespaceOf(pod.pod())) || !eligible(node)) {
            return;
        }
        for (int i = 0; i < constraints.size(); i++) {
            Constraint c = constraints.get(i);
            if (c.counts(pod.pod(), namespace)) {
                counts.get(i).merge(node.metadata().labels().get(c.topologyKey()), delta, Integer::sum);
                recomputeMin(i);
            }
        }
    }

    private void recomputeMin(int i) {
        long m = Long.MAX_VALUE;
        for (int c : counts.get(i).values()) {
            m = Math.min(m, c);
        }
        min[i] = m;
    }

    @Override
    public FilterState copy() {
        return new FilterState(constraints, namespace, nodeAffinity,
                counts.stream().<Map<String, Integer>>map(HashMap::new).toList(), selfMatch);
    }
}
