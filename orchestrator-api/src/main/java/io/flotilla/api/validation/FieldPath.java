package io.flotilla.api.validation;

import java.util.Objects;

/**
 * A path to a field as Kubernetes prints it: {@code spec.template.spec.containers[0].ports[1].containerPort}, with
 * map keys in brackets ({@code metadata.labels[app]}). Immutable and thread-safe.
 *
 * <p>Design notes: validators build a path for every field they look at, but print only the few that carry an
 * error. So a path is a link to its parent plus one step, and its printed form is built on first use and cached
 * (a benign race: every thread builds the same immutable string). Printing the paths eagerly had been a third of
 * the CPU of a Pod create.
 */
public final class FieldPath {
    private static final int FIELD = -1;
    private static final int KEY = -2;
    private static final FieldPath ROOT = new FieldPath(null, "", FIELD);

    /** The path this one extends, {@code null} for a path given in its printed form. */
    private final FieldPath parent;
    /** The field name or map key of the last step, or the whole printed path when there is no parent. */
    private final String step;
    /** The list index of the last step, or {@link #FIELD} or {@link #KEY}. */
    private final int index;
    private String printed;

    private FieldPath(FieldPath parent, String step, int index) {
        this.parent = parent;
        this.step = step;
        this.index = index;
        if (parent == null) {
            this.printed = step;
        }
    }

    /** The empty path, the root of an object. */
    public static FieldPath root() {
        return ROOT;
    }

    /** A path from its printed form, such as {@code spec.replicas}. */
    public static FieldPath of(String path) {
        return new FieldPath(null, Objects.requireNonNull(path, "path"), FIELD);
    }

    /** The path to field {@code name} of this one. */
    public FieldPath child(String name) {
        return new FieldPath(this, name, FIELD);
    }

    /** The path to element {@code index} of the list at this path. */
    public FieldPath index(int index) {
        return new FieldPath(this, null, index);
    }

    /** The path to entry {@code key} of the map at this path. */
    public FieldPath key(String key) {
        return new FieldPath(this, key, KEY);
    }

    /** Whether this is the root path. */
    public boolean isRoot() {
        return toString().isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath other && other.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** The printed path, empty for the root. */
    @Override
    public String toString() {
        String s = printed;
        if (s == null) {
            StringBuilder out = new StringBuilder(64);
            appendTo(out);
            s = out.toString();
            printed = s;
        }
        return s;
    }

    private void appendTo(StringBuilder out) {
        if (parent == null) {
            out.append(step);
            return;
        }
        String known = parent.printed;
        if (known != null) {
            out.append(known);
        } else {
            parent.appendTo(out);
        }
        if (index == FIELD) {
            // a field of the root has no leading dot
            out.append(out.isEmpty() ? "" : ".").append(step);
        } else if (index == KEY) {
            out.append('[').append(step).append(']');
        } else {
            out.append('[').append(index).append(']');
        }
    }
}
