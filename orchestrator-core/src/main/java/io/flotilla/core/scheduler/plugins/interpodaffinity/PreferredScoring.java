package io.flotilla.core.scheduler.plugins.interpodaffinity;

import io.flotilla.api.core.Pod;
import io.flotilla.api.scheduler.AffinityTerm;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.NodeScores;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.SchedulerHandle;
import io.flotilla.api.scheduler.ScorePlugin;
import io.flotilla.api.scheduler.Status;
import io.flotilla.api.scheduler.WeightedAffinityTerm;
import java.util.List;
import java.util.Map;

/**
 * The scoring half of InterPodAffinity, like Kubernetes' {@code scoring.go}: PreScore sums term weights per
 * topology pair over the existing pods (all pods when the incoming pod has preferred terms, else only pods with
 * affinity terms), Score adds up the pairs of a node's labels, normalization rescales min..max to 0..100.
 * Thread-safe (state lives in the cycle).
 */
final class PreferredScoring {

    private static final CycleState.Key<TopologyCounts> SCORES = CycleState.Key.of(InterPodAffinity.NAME + "/score");

    private final SchedulerHandle handle;
    private final long hardPodAffinityWeight;
    private final boolean ignoreExistingPreferred;

    PreferredScoring(SchedulerHandle handle, long hardPodAffinityWeight, boolean ignoreExistingPreferred) {
        this.handle = handle;
        this.hardPodAffinityWeight = hardPodAffinityWeight;
        this.ignoreExistingPreferred = ignoreExistingPreferred;
    }

    Status preScore(CycleState state, PodInfo pod) {
        boolean hasPreferred = !pod.preferredAffinityTerms().isEmpty() || !pod.preferredAntiAffinityTerms().isEmpty();
        if (ignoreExistingPreferred && !hasPreferred) {
            return Status.skip();
        }
        List<WeightedAffinityTerm> affinity = Terms.resolveWeighted(pod.preferredAffinityTerms(), handle.objects());
        List<WeightedAffinityTerm> anti = Terms.resolveWeighted(pod.preferredAntiAffinityTerms(), handle.objects());
        Map<String, String> nsLabels = Terms.namespaceLabels(pod.pod(), handle.objects());
        TopologyCounts scores = new TopologyCounts();
        List<NodeInfo> nodes = hasPreferred ? handle.snapshot().nodes() : handle.snapshot().nodesWithPodAffinity();
        for (NodeInfo n : nodes) {
            Map<String, String> labels = n.node() == null ? Map.of() : n.node().metadata().labels();
            if (labels.isEmpty()) {
                continue;
            }
            for (PodInfo existing : hasPreferred ? n.pods() : n.podsWithAffinity()) {
                add(scores, affinity, existing.pod(), null, labels, 1);
                add(scores, anti, existing.pod(), null, labels, -1);
                for (AffinityTerm t : existing.requiredAffinityTerms()) {
                    if (hardPodAffinityWeight > 0 && t.matches(pod.pod(), nsLabels)) {
                        scores.add(labels, t.topologyKey(), hardPodAffinityWeight);
                    }
                }
                add(scores, existing.preferredAffinityTerms(), pod.pod(), nsLabels, labels, 1);
                add(scores, existing.preferredAntiAffinityTerms(), pod.pod(), nsLabels, labels, -1);
            }
        }
        if (scores.isEmpty()) {
            return Status.skip();
        }
        state.write(SCORES, scores);
        return Status.success();
    }

    private static void add(TopologyCounts scores, List<WeightedAffinityTerm> terms, Pod target,
                            Map<String, String> nsLabels, Map<String, String> nodeLabels, int sign) {
        for (WeightedAffinityTerm wt : terms) {
            if (wt.term().matches(target, nsLabels)) {
                scores.add(nodeLabels, wt.term().topologyKey(), (long) sign * wt.weight());
            }
        }
    }

    long score(CycleState state, NodeInfo node) {
        TopologyCounts scores = state.read(SCORES);
        return scores == null ? 0 : scores.sumOn(node.node().metadata().labels());
    }

    Status normalize(CycleState state, NodeScores scores) {
        if (state.read(SCORES) == null) {
            return Status.success();
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0, n = scores.size(); i < n; i++) {
            min = Math.min(min, scores.score(i));
            max = Math.max(max, scores.score(i));
        }
        long diff = max - min;
        for (int i = 0, n = scores.size(); i < n; i++) {
            double fraction = diff > 0 ? (double) (scores.score(i) - min) / diff : 0;
            scores.setScore(i, (long) (ScorePlugin.MAX_NODE_SCORE * fraction));
        }
        return Status.success();
    }
}
