package io.flotilla.core.scheduler.plugins.interpodaffinity;

import io.flotilla.api.core.Namespace;
import io.flotilla.api.core.Pod;
import io.flotilla.api.scheduler.AffinityTerm;
import io.flotilla.api.scheduler.ObjectLookup;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.WeightedAffinityTerm;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Helpers over affinity terms: resolving the incoming pod's namespace selectors into namespace names once per cycle
 * (so its terms match existing pods without looking up their namespaces, as Kubernetes does), and matching a pod
 * against all terms. Stateless.
 */
final class Terms {

    private Terms() {
    }

    /** The terms with each namespace selector replaced by the names of the namespaces it selects now. */
    static List<AffinityTerm> resolve(List<AffinityTerm> terms, ObjectLookup objects) {
        if (terms.stream().allMatch(t -> t.namespaceSelector() == null)) {
            return terms;
        }
        return terms.stream().map(t -> resolve(t, objects)).toList();
    }

    /** Weighted terms with namespace selectors resolved. */
    static List<WeightedAffinityTerm> resolveWeighted(List<WeightedAffinityTerm> terms, ObjectLookup objects) {
        if (terms.stream().allMatch(t -> t.term().namespaceSelector() == null)) {
            return terms;
        }
        return terms.stream().map(t -> new WeightedAffinityTerm(resolve(t.term(), objects), t.weight())).toList();
    }

    private static AffinityTerm resolve(AffinityTerm t, ObjectLookup objects) {
        if (t.namespaceSelector() == null) {
            return t;
        }
        Set<String> names = new HashSet<>(t.namespaces());
        for (Namespace ns : objects.list(Namespace.TYPE, null)) {
            if (t.namespaceSelector().matches(ns.metadata().labels())) {
                names.add(ns.metadata().name());
            }
        }
        return new AffinityTerm(names, t.selector(), null, t.topologyKey());
    }

    /** The labels of the pod's namespace, or null if the namespace is not cached. */
    static Map<String, String> namespaceLabels(Pod pod, ObjectLookup objects) {
        return objects.get(Namespace.TYPE, null, PodInfo.namespaceOf(pod)).map(n -> n.metadata().labels())
                .orElse(null);
    }

    /** Whether {@code pod} matches every term (false for no terms, as Kubernetes' callers never ask then). */
    static boolean matchesAll(List<AffinityTerm> terms, Pod pod) {
        if (terms.isEmpty()) {
            return false;
        }
        for (int i = 0, n = terms.size(); i < n; i++) {
            if (!terms.get(i).matches(pod, null)) {
                return false;
            }
        }
        return true;
    }
}
