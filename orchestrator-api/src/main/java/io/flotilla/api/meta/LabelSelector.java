package io.flotilla.api.meta;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.flotilla.api.internal.Immutables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A Kubernetes label selector: {@code matchLabels} and {@code matchExpressions}, all of which must match.
 *
 * <p>An empty selector ({@link #everything()}) matches every object. Kubernetes documents that a <em>null</em>
 * selector matches no objects ({@code LabelSelectorAsSelector(nil)} is {@code labels.Nothing()}): in the Java model
 * that is a {@code null} field, and code reading such a field must treat {@code null} as "nothing" where the API
 * says so. This type itself never stands for "nothing".
 *
 * <p>The string form is Kubernetes' ({@code kubectl get -l}, {@code metav1.FormatLabelSelector}):
 * {@code app=web,env in (a,b),release,!canary,tier notin (db)}. {@link #parse} reads it ({@code ==} and {@code !=}
 * too) and {@link #toString()} prints it canonically, requirements sorted by key and values sorted, so that
 * {@code parse(s.toString()).equals(s)} for every valid selector.
 *
 * <p>Equality follows the meaning: the order of {@code matchExpressions} and of their values has none in
 * Kubernetes, so {@link #equals} ignores it (requirements compare as a multiset, values as a set). The record keeps
 * the order it was given, so that validation errors such as {@code matchExpressions[2].operator} point at what the
 * user wrote; {@code matchLabels} is kept sorted by key.
 *
 * <p>{@link #matches} does not allocate. Immutable and thread-safe. Use {@link LabelSelectorValidation} to check a
 * selector read from a manifest.
 *
 * @param matchLabels      labels that must be present with exactly these values
 * @param matchExpressions set-based requirements
 */
public record LabelSelector(Map<String, String> matchLabels, List<LabelSelectorRequirement> matchExpressions) {
    private static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

    /**
     * Normalises the collections to unmodifiable copies ({@code null} becomes empty), the labels sorted by key.
     *
     * @throws NullPointerException if a label key or a requirement is {@code null}
     */
    public LabelSelector {
        matchLabels = SortedLabels.copyOf(matchLabels);
        matchExpressions = Immutables.list(matchExpressions);
    }

    /** The empty selector, which matches every object. */
    public static LabelSelector everything() {
        return EVERYTHING;
    }

    /** A selector of {@code matchLabels} only. */
    public static LabelSelector of(Map<String, String> matchLabels) {
        return new LabelSelector(matchLabels, List.of());
    }

    /** A selector of one label: {@code key=value}. */
    public static LabelSelector matchLabel(String key, String value) {
        return new LabelSelector(Map.of(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")),
                List.of());
    }

    /**
     * Parses Kubernetes' selector syntax, such as {@code app=web,tier!=db,env in (a,b),env notin (c),release,!canary}.
     * {@code key=value} and {@code key==value} become {@code matchLabels} (a second value for the same key becomes
     * {@code key In (value)}, so both must hold); {@code key!=value} becomes {@code key NotIn (value)}. Keys and
     * values must be valid label keys and values. A blank string is {@link #everything()}.
     *
     * @throws IllegalArgumentException naming the position and what was expected there, if {@code text} is not a
     *                                  selector; the set-based operators {@code >} and {@code <} of node selectors
     *                                  are not supported
     * @throws NullPointerException     if {@code text} is {@code null}
     */
    public static LabelSelector parse(String text) {
        return new LabelSelectorParser(text).parse();
    }

    /** This selector with one more requirement, which must also hold. */
    public LabelSelector and(LabelSelectorRequirement requirement) {
        Objects.requireNonNull(requirement, "requirement");
        List<LabelSelectorRequirement> more = new ArrayList<>(matchExpressions);
        more.add(requirement);
        return new LabelSelector(matchLabels, more);
    }

    /**
     * This selector also requiring label {@code key=value}. If the selector already matches a different value of
     * {@code key}, the new one is added as {@code key In (value)}: both must hold (and nothing matches).
     */
    public LabelSelector and(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        String existing = matchLabels.get(key);
        if (existing == null && !matchLabels.containsKey(key)) {
            return new LabelSelector(((SortedLabels) matchLabels).with(key, value), matchExpressions);
        }
        return value.equals(existing) ? this : and(LabelSelectorRequirement.in(key, value));
    }

    /** Whether this selector has no requirement, and so matches everything. */
    @JsonIgnore
    public boolean isEmpty() {
        return matchLabels.isEmpty() && matchExpressions.isEmpty();
    }

    /**
     * Whether {@code labels} satisfies every label and every requirement of this selector; an empty selector
     * matches everything. Does not allocate.
     *
     * @param labels the labels of an object; {@code null} is treated as no labels
     */
    public boolean matches(Map<String, String> labels) {
        SortedLabels required = (SortedLabels) matchLabels;
        for (int i = 0, n = required.size(); i < n; i++) {
            String actual = labels == null ? null : labels.get(required.keyAt(i));
            if (actual == null || !actual.equals(required.valueAt(i))) {
                return false;
            }
        }
        for (int i = 0, n = matchExpressions.size(); i < n; i++) {
            if (!matchExpressions.get(i).matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code o} is a selector with the same labels and the same requirements, in any order. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LabelSelector other) || !matchLabels.equals(other.matchLabels)
                || matchExpressions.size() != other.matchExpressions.size()) {
            return false;
        }
        return matchExpressions.equals(other.matchExpressions)
                || sortedFully(matchExpressions).equals(sortedFully(other.matchExpressions));
    }

    private static List<LabelSelectorRequirement> sortedFully(List<LabelSelectorRequirement> requirements) {
        List<LabelSelectorRequirement> sorted = new ArrayList<>(requirements);
        sorted.sort(LabelSelectorRequirement.BY_KEY
                .thenComparing(LabelSelectorRequirement::operator, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(r -> String.join("\0", new TreeSet<>(r.values()))));
        return sorted;
    }

    @Override
    public int hashCode() {
        int requirements = 0;
        for (LabelSelectorRequirement r : matchExpressions) {
            requirements += r.hashCode();
        }
        return 31 * matchLabels.hashCode() + requirements;
    }

    /**
     * The selector in Kubernetes' syntax, requirements sorted by key (for one key, its label first, then its
     * expressions in the order given), values sorted: {@code app=web,env in (a,b),release,!canary}. The empty
     * selector prints as {@code ""}.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        SortedLabels labels = (SortedLabels) matchLabels;
        List<LabelSelectorRequirement> expressions = canonical(matchExpressions);
        int l = 0;
        int e = 0;
        while (l < labels.size() || e < expressions.size()) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            LabelSelectorRequirement next = e < expressions.size() ? expressions.get(e) : null;
            boolean labelFirst = l < labels.size()
                    && (next == null || next.key() != null && labels.keyAt(l).compareTo(next.key()) <= 0);
            if (labelFirst) {
                out.append(labels.keyAt(l)).append('=').append(labels.valueAt(l));
                l++;
            } else {
                next.appendTo(out);
                e++;
            }
        }
        return out.toString();
    }

    /** The requirements sorted stably by key. */
    private static List<LabelSelectorRequirement> canonical(List<LabelSelectorRequirement> requirements) {
        if (requirements.size() < 2) {
            return requirements;
        }
        List<LabelSelectorRequirement> sorted = new ArrayList<>(requirements);
        sorted.sort(LabelSelectorRequirement.BY_KEY);
        return sorted;
    }
}
