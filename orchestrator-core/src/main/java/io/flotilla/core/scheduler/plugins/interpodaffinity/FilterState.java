package io.flotilla.core.scheduler.plugins.interpodaffinity;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.scheduler.AffinityTerm;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.PodInfo;
import java.util.List;
import java.util.Map;

/**
 * What PreFilter computes for one pod, like Kubernetes' InterPodAffinity {@code preFilterState}: the pod's required
 * terms (namespace selectors resolved), and three counts per topology pair — existing pods whose required
 * anti-affinity matches the pod, existing pods matching all of the pod's affinity terms, and existing pods matching
 * each of its anti-affinity terms. Copyable, since preemption adds and removes pods on a copy.
 */
final class FilterState implements CycleState.Copyable<FilterState> {

    final Pod pod;
    final List<AffinityTerm> affinityTerms;
    final List<AffinityTerm> antiAffinityTerms;
    final Map<String, String> namespaceLabels;
    final TopologyCounts existingAntiAffinity;
    final TopologyCounts affinity;
    final TopologyCounts antiAffinity;

    FilterState(Pod pod, List<AffinityTerm> affinityTerms, List<AffinityTerm> antiAffinityTerms,
                Map<String, String> namespaceLabels, TopologyCounts existingAntiAffinity, TopologyCounts affinity,
                TopologyCounts antiAffinity) {
        this.pod = pod;
        this.affinityTerms = affinityTerms;
        this.antiAffinityTerms = antiAffinityTerms;
        this.namespaceLabels = namespaceLabels;
        this.existingAntiAffinity = existingAntiAffinity;
        this.affinity = affinity;
        this.antiAffinity = antiAffinity;
    }

    /** Counts {@code existing} on {@code node} with {@code multiplier} (+1 added, -1 removed). */
    void update(PodInfo existing, Node node, int multiplier) {
        Map<String, String> labels = node.metadata().labels();
        for (AffinityTerm t : existing.requiredAntiAffinityTerms()) {
            if (t.matches(pod, namespaceLabels)) {
                existingAntiAffinity.add(labels, t.topologyKey(), multiplier);
            }
        }
        if (!affinityTerms.isEmpty() && Terms.matchesAll(affinityTerms, existing.pod())) {
            for (AffinityTerm t : affinityTerms) {
                affinity.add(labels, t.topologyKey(), multiplier);
            }
        }
        for (AffinityTerm t : antiAffinityTerms) {
            if (t.matches(existing.pod(), null)) {
                antiAffinity.add(labels, t.topologyKey(), multiplier);
            }
        }
    }

    @Override
    public FilterState copy() {
        return new FilterState(pod, affinityTerms, antiAffinityTerms, namespaceLabels, existingAntiAffinity.copy(),
                affinity.copy(), antiAffinity.copy());
    }
}
