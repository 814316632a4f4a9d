package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;
import java.util.Map;

/**
 * Requirements that must all hold for a node to match. Immutable.
 *
 * @param matchExpressions requirements on node labels
 * @param matchFields      requirements on node fields (only {@code metadata.name} is supported)
 */
public record NodeSelectorTerm(List<NodeSelectorRequirement> matchExpressions,
                               List<NodeSelectorRequirement> matchFields) {

    /** Normalises the lists. */
    public NodeSelectorTerm {
        matchExpressions = Immutables.list(matchExpressions);
        matchFields = Immutables.list(matchFields);
    }

    /** A term of label requirements. */
    public static NodeSelectorTerm of(NodeSelectorRequirement... matchExpressions) {
        return new NodeSelectorTerm(List.of(matchExpressions), List.of());
    }

    /**
     * Whether a node matches: every expression holds on its labels and every field requirement on its name. A term
     * with no requirements matches nothing, as in Kubernetes.
     */
    public boolean matches(String nodeName, Map<String, String> nodeLabels) {
        if (matchExpressions.isEmpty() && matchFields.isEmpty()) {
            return false;
        }
        Map<String, String> fields = nodeName == null ? Map.of() : Map.of("metadata.name", nodeName);
        return matchExpressions.stream().allMatch(r -> r.matches(nodeLabels))
                && matchFields.stream().allMatch(r -> r.matches(fields));
    }
}
