package io.flotilla.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A Kubernetes field selector such as {@code metadata.name=web-0} or {@code spec.nodeName=,status.phase!=Running}:
 * comma-separated {@code field=value}, {@code field==value} or {@code field!=value} terms, all of which must hold.
 * A backslash escapes {@code ,}, {@code =}, {@code !} and {@code \} in values. Immutable and thread-safe.
 *
 * <p>Every kind supports {@code metadata.name} and {@code metadata.namespace}; other fields are registered per kind
 * with {@link InMemoryObjectStore.Builder#field}. An unset field reads as the empty string, so
 * {@code spec.nodeName=} selects unscheduled pods.
 */
public final class FieldSelector {
    private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    private final List<Requirement> requirements;

    private FieldSelector(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    /**
     * One term of a selector.
     *
     * @param field  the field path, such as {@code status.phase}
     * @param equals {@code true} for {@code =}, {@code false} for {@code !=}
     * @param value  the value compared with, never {@code null} (may be empty)
     */
    public record Requirement(String field, boolean equals, String value) {
        /** Checks the components. */
        public Requirement {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The selector that selects everything. */
    public static FieldSelector everything() {
        return EVERYTHING;
    }

    /** A selector of one equality term. */
    public static FieldSelector equal(String field, String value) {
        return new FieldSelector(List.of(new Requirement(field, true, value)));
    }

    /** A selector of one inequality term. */
    public static FieldSelector notEqual(String field, String value) {
        return new FieldSelector(List.of(new Requirement(field, false, value)));
    }

    /** This selector plus {@code other}'s terms. */
    public FieldSelector and(FieldSelector other) {
        List<Requirement> all = new ArrayList<>(requirements);
        all.addAll(other.requirements);
        return new FieldSelector(all);
    }

    /**
     * Parses the string form.
     *
     * @throws IllegalArgumentException naming the offending term when a term has no operator or no field
     */
    public static FieldSelector parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Requirement> out = new ArrayList<>();
        for (String term : split(text)) {
            if (!term.isBlank()) {
                out.add(parseTerm(term.strip()));
            }
        }
        return out.isEmpty() ? EVERYTHING : new FieldSelector(out);
    }

    private static List<String> split(String text) {
        List<String> terms = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
            } else if (c == ',') {
                terms.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        terms.add(current.toString());
        return terms;
    }

    private static Requirement parseTerm(String term) {
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '\\') {
                throw new IllegalArgumentException("invalid field selector term '" + term + "': escape in field name");
            }
            if (c == '!' && i + 1 < term.length() && term.charAt(i + 1) == '=') {
                return requirement(term, term.substring(0, i), false, term.substring(i + 2));
            }
            if (c == '=') {
                int valueStart = i + 1 < term.length() && term.charAt(i + 1) == '=' ? i + 2 : i + 1;
                return requirement(term, term.substring(0, i), true, term.substring(valueStart));
            }
        }
        throw new IllegalArgumentException("invalid field selector term '" + term + "': expected field=value or"
                + " field!=value");
    }

    private static Requirement requirement(String term, String field, boolean equals, String rawValue) {
        if (field.isBlank()) {
            throw new IllegalArgumentException("invalid field selector term '" + term + "': missing field");
        }
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < rawValue.length(); i++) {
            char c = rawValue.charAt(i);
            if (c == '\\' && i + 1 < rawValue.length()) {
                c = rawValue.charAt(++i);
            }
            value.append(c);
        }
        return new Requirement(field.strip(), equals, value.toString());
    }

    /** The terms, in order; empty for {@link #everything()}. */
    public List<Requirement> requirements() {
        return requirements;
    }

    /** Whether this selects everything. */
    public boolean isEverything() {
        return requirements.isEmpty();
    }

    /**
     * Whether an object whose fields read as {@code fieldValues} satisfies every term.
     *
     * @param fieldValues the value of a field path, {@code null} read as the empty string
     */
    public boolean matches(Function<String, String> fieldValues) {
        for (Requirement r : requirements) {
            String actual = fieldValues.apply(r.field());
            boolean equal = r.value().equals(actual == null ? "" : actual);
            if (equal != r.equals()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSelector other && other.requirements.equals(requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }

    /** The string form, which {@link #parse} reads back. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Requirement r : requirements) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(r.field()).append(r.equals() ? "=" : "!=");
            for (char c : r.value().toCharArray()) {
                if (c == ',' || c == '=' || c == '!' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
