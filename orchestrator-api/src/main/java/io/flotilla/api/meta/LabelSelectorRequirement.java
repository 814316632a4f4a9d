package io.flotilla.api.meta;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * One set-based requirement of a {@link LabelSelector}: {@code key In (a, b)}, {@code key NotIn (a)},
 * {@code key Exists} or {@code key DoesNotExist}.
 *
 * @param key      the label key
 * @param operator {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}
 * @param values   the values for In and NotIn; empty for Exists and DoesNotExist
 */
public record LabelSelectorRequirement(String key, String operator, List<String> values) {

    /** Normalises the values. */
    public LabelSelectorRequirement {
        values = Immutables.list(values);
    }
}
