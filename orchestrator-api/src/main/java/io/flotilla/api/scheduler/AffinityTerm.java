package io.flotilla.api.scheduler;

import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodAffinityTerm;
import io.flotilla.api.meta.LabelSelector;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A pod (anti-)affinity term parsed once per pod, like Kubernetes' {@code framework.AffinityTerm}: the namespaces
 * it applies to (defaulted to the owning pod's namespace when neither {@code namespaces} nor a
 * {@code namespaceSelector} is given), the label selector, the namespace selector and the topology key.
 * Immutable and thread-safe.
 *
 * @param namespaces        the namespaces named by the term (or defaulted); never null
 * @param selector          the pod label selector; null matches no pod (as in Kubernetes)
 * @param namespaceSelector the namespace label selector; null matches no namespace, empty matches all
 * @param topologyKey       the node label whose value defines the topology domain; never null
 */
public record AffinityTerm(Set<String> namespaces, LabelSelector selector, LabelSelector namespaceSelector,
                           String topologyKey) {

    /** Copies the namespaces and rejects a null topology key. */
    public AffinityTerm {
        namespaces = Set.copyOf(namespaces);
        topologyKey = Objects.requireNonNull(topologyKey, "topologyKey");
    }

    /**
     * Parses a term of a pod in {@code podNamespace}.
     *
     * @param term         the term; not null
     * @param podNamespace the namespace of the pod that owns the term; not null
     */
    public static AffinityTerm of(PodAffinityTerm term, String podNamespace) {
        Set<String> namespaces = term.namespaces().isEmpty() && term.namespaceSelector() == null
                ? Set.of(podNamespace) : Set.copyOf(term.namespaces());
        return new AffinityTerm(namespaces, term.labelSelector(), term.namespaceSelector(),
                term.topologyKey() == null ? "" : term.topologyKey());
    }

    /**
     * Whether {@code pod} is selected by this term: its namespace is named (or its namespace's labels match the
     * namespace selector) and its labels match the selector. Does not allocate.
     *
     * @param pod             the candidate pod; not null
     * @param namespaceLabels the labels of the candidate's namespace; null if unknown (then only the named
     *                        namespaces count)
     */
    public boolean matches(Pod pod, Map<String, String> namespaceLabels) {
        String ns = PodInfo.namespaceOf(pod);
        boolean inNamespace = namespaces.contains(ns)
                || (namespaceSelector != null && namespaceLabels != null && namespaceSelector.matches(namespaceLabels));
        return inNamespace && selector != null && selector.matches(pod.metadata().labels());
    }
}
