package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;
import java.util.Map;

/**
 * A node selector of affinity (and of PersistentVolume node affinity): a node matches if ANY term matches.
 * Immutable.
 *
 * @param nodeSelectorTerms the alternatives
 */
public record NodeSelector(List<NodeSelectorTerm> nodeSelectorTerms) {

    /** Normalises the terms. */
    public NodeSelector {
        nodeSelectorTerms = Immutables.list(nodeSelectorTerms);
    }

    /** A selector of the given alternatives. */
    public static NodeSelector of(NodeSelectorTerm... terms) {
        return new NodeSelector(List.of(terms));
    }

    /** Whether a node with this name and labels matches any term. */
    public boolean matches(String nodeName, Map<String, String> nodeLabels) {
        return nodeSelectorTerms.stream().anyMatch(t -> t.matches(nodeName, nodeLabels));
    }
}
