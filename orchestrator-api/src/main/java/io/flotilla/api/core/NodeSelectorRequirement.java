package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * One requirement on a node's labels (or fields): {@code key In (a, b)}, {@code key Gt 4} and so on. Immutable.
 *
 * @param key      the label key (or field name)
 * @param operator one of {@link #OPERATORS}
 * @param values   the values: one or more for In/NotIn, none for Exists/DoesNotExist, one integer for Gt/Lt
 */
public record NodeSelectorRequirement(String key, String operator, List<String> values) {

    /** The label's value is one of the values. */
    public static final String IN = "In";
    /** The label is absent or its value is none of the values. */
    public static final String NOT_IN = "NotIn";
    /** The label is present. */
    public static final String EXISTS = "Exists";
    /** The label is absent. */
    public static final String DOES_NOT_EXIST = "DoesNotExist";
    /** The label's value, as an integer, is greater than the value. */
    public static final String GT = "Gt";
    /** The label's value, as an integer, is less than the value. */
    public static final String LT = "Lt";
    /** Every supported operator. */
    public static final List<String> OPERATORS = List.of(IN, NOT_IN, EXISTS, DOES_NOT_EXIST, GT, LT);

    /** Normalises the values. */
    public NodeSelectorRequirement {
        values = Immutables.list(values);
    }

    /** {@code key In (values)}. */
    public static NodeSelectorRequirement in(String key, String... values) {
        return new NodeSelectorRequirement(key, IN, List.of(values));
    }

    /** {@code key NotIn (values)}. */
    public static NodeSelectorRequirement notIn(String key, String... values) {
        return new NodeSelectorRequirement(key, NOT_IN, List.of(values));
    }

    /** {@code key Exists}. */
    public static NodeSelectorRequirement exists(String key) {
        return new NodeSelectorRequirement(key, EXISTS, List.of());
    }

    /** {@code key DoesNotExist}. */
    public static NodeSelectorRequirement doesNotExist(String key) {
        return new NodeSelectorRequirement(key, DOES_NOT_EXIST, List.of());
    }

    /**
     * Whether a node's labels satisfy this requirement. Unknown operators and non-integer values for Gt/Lt do not
     * match.
     *
     * @param labels the node's labels, never {@code null}
     */
    public boolean matches(java.util.Map<String, String> labels) {
        String actual = labels.get(key);
        return switch (operator == null ? "" : operator) {
            case IN -> actual != null && values.contains(actual);
            case NOT_IN -> actual == null || !values.contains(actual);
            case EXISTS -> actual != null;
            case DOES_NOT_EXIST -> actual == null;
            case GT, LT -> compareAsIntegers(actual);
            default -> false;
        };
    }

    private boolean compareAsIntegers(String actual) {
        if (actual == null || values.size() != 1) {
            return false;
        }
        try {
            long have = Long.parseLong(actual);
            long bound = Long.parseLong(values.get(0));
            return GT.equals(operator) ? have > bound : have < bound;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
