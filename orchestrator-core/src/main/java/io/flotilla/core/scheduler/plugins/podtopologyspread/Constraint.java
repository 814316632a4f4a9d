package io.flotilla.core.scheduler.plugins.podtopologyspread;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.TopologySpreadConstraint;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.scheduler.PodInfo;
import java.util.List;
import java.util.Map;

/**
 * One spread constraint as the plugin uses it, like Kubernetes' {@code topologySpreadConstraint}: the skew limit,
 * the topology key, the selector of the pods that count (null counts none) and {@code minDomains} (1 when unset).
 * Immutable.
 *
 * @param maxSkew     the largest allowed difference to the emptiest domain
 * @param topologyKey the node label that defines domains
 * @param selector    which pods count; null for none
 * @param minDomains  below this many eligible domains the global minimum is taken as 0
 */
record Constraint(int maxSkew, String topologyKey, LabelSelector selector, int minDomains) {

    /** The pod's constraints with the given {@code whenUnsatisfiable}. */
    static List<Constraint> of(Pod pod, String whenUnsatisfiable) {
        if (pod.spec() == null) {
            return List.of();
        }
        return pod.spec().topologySpreadConstraints().stream()
                .filter(c -> whenUnsatisfiable.equals(c.whenUnsatisfiable() == null
                        ? TopologySpreadConstraint.DO_NOT_SCHEDULE : c.whenUnsatisfiable()))
                .map(c -> new Constraint(c.maxSkew() == null ? 1 : c.maxSkew(), c.topologyKey(), c.labelSelector(),
                        c.minDomains() == null ? 1 : c.minDomains()))
                .toList();
    }

    /** Whether {@code candidate} counts for a pod in {@code namespace}: same namespace, not terminating, selected. */
    boolean counts(Pod candidate, String namespace) {
        return selector != null && candidate.metadata().deletionTimestamp() == null
                && namespace.equals(PodInfo.namespaceOf(candidate)) && selector.matches(candidate.metadata().labels());
    }

    /** How many of {@code pods} count for a pod in {@code namespace}. Does not allocate. */
    int count(List<PodInfo> pods, String namespace) {
        int n = 0;
        for (int i = 0, size = pods.size(); i < size; i++) {
            n += counts(pods.get(i).pod(), namespace) ? 1 : 0;
        }
        return n;
    }

    /** Whether the node has every topology key of {@code constraints}. */
    static boolean hasAllKeys(Node node, List<Constraint> constraints) {
        Map<String, String> labels = node.metadata().labels();
        for (int i = 0, n = constraints.size(); i < n; i++) {
            if (!labels.containsKey(constraints.get(i).topologyKey())) {
                return false;
            }
        }
        return true;
    }
}
