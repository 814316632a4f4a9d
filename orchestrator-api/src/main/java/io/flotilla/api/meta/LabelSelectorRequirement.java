package io.flotilla.api.meta;

import io.flotilla.api.internal.Immutables;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One set-based requirement of a {@link LabelSelector}: {@code key In (a, b)}, {@code key NotIn (a)},
 * {@code key Exists} or {@code key DoesNotExist}, with Kubernetes' meaning:
 * <ul>
 *   <li>{@code In}: the label is present and its value is one of {@code values};</li>
 *   <li>{@code NotIn}: the label is absent, or its value is none of {@code values};</li>
 *   <li>{@code Exists} / {@code DoesNotExist}: the label is present / absent, whatever its value.</li>
 * </ul>
 *
 * <p>The values are a set: they keep the order they were given in (so validation errors point at the value the
 * user wrote), but equality ignores their order and repetition, and {@link #toString()} prints them sorted as
 * Kubernetes does. Components may be {@code null} or hold an unknown operator when read from a manifest;
 * {@link LabelSelectorValidation} reports that, and such a requirement matches nothing. Immutable and thread-safe.
 *
 * @param key      the label key
 * @param operator {@link #IN}, {@link #NOT_IN}, {@link #EXISTS} or {@link #DOES_NOT_EXIST}
 * @param values   the values for In and NotIn; empty for Exists and DoesNotExist
 */
public record LabelSelectorRequirement(String key, String operator, List<String> values) {
    /** The label's value is one of the values. */
    public static final String IN = "In";
    /** The label is absent, or its value is none of the values. */
    public static final String NOT_IN = "NotIn";
    /** The label is present. */
    public static final String EXISTS = "Exists";
    /** The label is absent. */
    public static final String DOES_NOT_EXIST = "DoesNotExist";
    /** Every operator a label selector supports, in Kubernetes' order. */
    public static final List<String> OPERATORS = List.of(IN, NOT_IN, EXISTS, DOES_NOT_EXIST);

    /**
     * Normalises the values to an unmodifiable copy ({@code null} becomes empty).
     *
     * @throws NullPointerException if a value is {@code null}
     */
    public LabelSelectorRequirement {
        values = Immutables.list(values);
    }

    /** {@code key In (values)}: the label is present with one of {@code values}. */
    public static LabelSelectorRequirement in(String key, String... values) {
        return new LabelSelectorRequirement(key, IN, List.of(values));
    }

    /** {@code key NotIn (values)}: the label is absent or has none of {@code values}. */
    public static LabelSelectorRequirement notIn(String key, String... values) {
        return new LabelSelectorRequirement(key, NOT_IN, List.of(values));
    }

    /** {@code key Exists}: the label is present. */
    public static LabelSelectorRequirement exists(String key) {
        return new LabelSelectorRequirement(key, EXISTS, List.of());
    }

    /** {@code key DoesNotExist}: the label is absent. */
    public static LabelSelectorRequirement doesNotExist(String key) {
        return new LabelSelectorRequirement(key, DOES_NOT_EXIST, List.of());
    }

    /**
     * Whether {@code labels} satisfies this requirement. Does not allocate. An unknown operator matches nothing.
     *
     * @param labels the labels of an object; {@code null} is treated as no labels
     */
    public boolean matches(Map<String, String> labels) {
        if (key == null || operator == null) {
            return false;
        }
        String value = labels == null ? null : labels.get(key);
        return switch (operator) {
            case IN -> value != null && contains(value);
            case NOT_IN -> value == null || !contains(value);
            case EXISTS -> value != null;
            case DOES_NOT_EXIST -> value == null;
            default -> false;
        };
    }

    private boolean contains(String value) {
        for (int i = 0, n = values.size(); i < n; i++) {
            if (values.get(i).equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code o} is a requirement of the same key and operator over the same set of values. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSelectorRequirement other && Objects.equals(key, other.key)
                && Objects.equals(operator, other.operator)
                && (values.equals(other.values) || new TreeSet<>(values).equals(new TreeSet<>(other.values)));
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, operator, new TreeSet<>(values));
    }

    /**
     * The requirement in Kubernetes' selector syntax: {@code env in (a,b)}, {@code env notin (c)}, {@code release}
     * or {@code !canary}. An unknown operator prints as {@code key <operator> (values)}, which does not parse.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }

    void appendTo(StringBuilder out) {
        if (EXISTS.equals(operator)) {
            out.append(key);
        } else if (DOES_NOT_EXIST.equals(operator)) {
            out.append('!').append(key);
        } else {
            String word = IN.equals(operator) ? "in" : NOT_IN.equals(operator) ? "notin" : operator;
            out.append(key).append(' ').append(word).append(" (").append(String.join(",", new TreeSet<>(values)))
                    .append(')');
        }
    }

    /** Orders requirements by key, {@code null} first; stable sorts keep the order within a key. */
    static final Comparator<LabelSelectorRequirement> BY_KEY = Comparator.comparing(LabelSelectorRequirement::key,
            Comparator.nullsFirst(Comparator.naturalOrder()));
}
