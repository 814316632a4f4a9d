package io.flotilla.api.meta;

import io.flotilla.api.internal.Immutables;
import java.util.List;
import java.util.Map;

/**
 * A label selector: {@code matchLabels} and {@code matchExpressions}, all of which must match (an empty selector
 * matches everything). STUB: matching and the string form are being completed; see the helper brief.
 *
 * @param matchLabels      labels that must be present with exactly these values
 * @param matchExpressions set-based requirements
 */
public record LabelSelector(Map<String, String> matchLabels, List<LabelSelectorRequirement> matchExpressions) {

    /** Normalises collections. */
    public LabelSelector {
        matchLabels = Immutables.map(matchLabels);
        matchExpressions = Immutables.list(matchExpressions);
    }

    /** A selector of {@code matchLabels} only. */
    public static LabelSelector of(Map<String, String> matchLabels) {
        return new LabelSelector(matchLabels, List.of());
    }

    /** Whether {@code labels} satisfies every requirement. */
    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
