package io.flotilla.core.scheduler.plugins.nodeaffinity;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.NodeSelector;
import io.flotilla.api.core.NodeSelectorRequirement;
import io.flotilla.api.core.NodeSelectorTerm;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodSpec;
import java.util.List;
import java.util.Map;

/**
 * The node constraints a pod must satisfy — its {@code nodeSelector} and its
 * {@code requiredDuringSchedulingIgnoredDuringExecution} node affinity — like Kubernetes'
 * {@code nodeaffinity.RequiredNodeAffinity}. Both must hold; the affinity's terms are ORed, each term's
 * requirements ANDed, and a term without requirements matches nothing. Matching does not allocate except for
 * {@code matchFields} terms. Immutable and thread-safe.
 */
public final class RequiredNodeAffinity {

    /** The only field {@code matchFields} may name, as in Kubernetes. */
    public static final String NAME_FIELD = "metadata.name";

    private final String[] selectorKeys;
    private final String[] selectorValues;
    private final NodeSelector required;

    private RequiredNodeAffinity(Map<String, String> nodeSelector, NodeSelector required) {
        this.selectorKeys = nodeSelector.keySet().toArray(String[]::new);
        this.selectorValues = new String[selectorKeys.length];
        for (int i = 0; i < selectorKeys.length; i++) {
            selectorValues[i] = nodeSelector.get(selectorKeys[i]);
        }
        this.required = required;
    }

    /**
     * The constraints of {@code pod}.
     *
     * @param pod the pod; not null
     */
    public static RequiredNodeAffinity of(Pod pod) {
        PodSpec spec = pod.spec();
        if (spec == null) {
            return new RequiredNodeAffinity(Map.of(), null);
        }
        var na = spec.affinity() == null ? null : spec.affinity().nodeAffinity();
        return new RequiredNodeAffinity(spec.nodeSelector(),
                na == null ? null : na.requiredDuringSchedulingIgnoredDuringExecution());
    }

    /** Whether the pod constrains nodes at all. */
    public boolean isEmpty() {
        return selectorKeys.length == 0 && required == null;
    }

    /** The required node selector, or null if the pod has none. */
    public NodeSelector required() {
        return required;
    }

    /**
     * Whether {@code node} satisfies both the node selector and the required affinity.
     *
     * @param node the node; not null
     */
    public boolean matches(Node node) {
        Map<String, String> labels = node.metadata().labels();
        for (int i = 0; i < selectorKeys.length; i++) {
            if (!selectorValues[i].equals(labels.get(selectorKeys[i]))) {
                return false;
            }
        }
        return required == null || matches(required, node);
    }

    /**
     * Whether {@code node} matches any term of {@code selector} (Kubernetes' ORed node selector terms).
     *
     * @param selector the selector; not null
     * @param node     the node; not null
     */
    public static boolean matches(NodeSelector selector, Node node) {
        List<NodeSelectorTerm> terms = selector.nodeSelectorTerms();
        for (int i = 0, n = terms.size(); i < n; i++) {
            if (matches(terms.get(i), node)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code node} matches every requirement of {@code term}; a term without requirements matches nothing.
     *
     * @param term the term; not null
     * @param node the node; not null
     */
    public static boolean matches(NodeSelectorTerm term, Node node) {
        List<NodeSelectorRequirement> expressions = term.matchExpressions();
        List<NodeSelectorRequirement> fields = term.matchFields();
        if (expressions.isEmpty() && fields.isEmpty()) {
            return false;
        }
        Map<String, String> labels = node.metadata().labels();
        for (int i = 0, n = expressions.size(); i < n; i++) {
            if (!expressions.get(i).matches(labels)) {
                return false;
            }
        }
        if (!fields.isEmpty()) {
            Map<String, String> nodeFields = Map.of(NAME_FIELD, node.metadata().name());
            for (int i = 0, n = fields.size(); i < n; i++) {
                if (!fields.get(i).matches(nodeFields)) {
                    return false;
                }
            }
        }
        return true;
    }
}
