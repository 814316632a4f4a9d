package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.LabelSelector;
import java.util.List;

/**
 * Pods selected by {@code labelSelector} in the given namespaces, grouped by the nodes' {@code topologyKey} label.
 * Immutable.
 *
 * @param labelSelector     the pods
 * @param namespaces        namespaces to look in; with no {@code namespaceSelector}, empty means the pod's own
 * @param topologyKey       the node label whose value defines a domain, such as {@code kubernetes.io/hostname}
 * @param namespaceSelector namespaces to look in, by label
 */
public record PodAffinityTerm(LabelSelector labelSelector, List<String> namespaces, String topologyKey,
                              LabelSelector namespaceSelector) {

    /** Normalises the namespaces. */
    public PodAffinityTerm {
        namespaces = Immutables.list(namespaces);
    }

    /** Pods matching {@code labelSelector} in the pod's namespace, by {@code topologyKey}. */
    public static PodAffinityTerm of(LabelSelector labelSelector, String topologyKey) {
        return new PodAffinityTerm(labelSelector, List.of(), topologyKey, null);
    }
}
