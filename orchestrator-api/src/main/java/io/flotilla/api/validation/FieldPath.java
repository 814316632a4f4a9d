package io.flotilla.api.validation;

import java.util.Objects;

/**
 * A path to a field as Kubernetes prints it: {@code spec.template.spec.containers[0].ports[1].containerPort}, with
 * map keys in brackets ({@code metadata.labels[app]}). Immutable.
 */
public final class FieldPath {
    private static final FieldPath ROOT = new FieldPath("");
    private final String path;

    private FieldPath(String path) {
        this.path = path;
    }

    /** The empty path, the root of an object. */
    public static FieldPath root() {
        return ROOT;
    }

    /** A path from its printed form, such as {@code spec.replicas}. */
    public static FieldPath of(String path) {
        return new FieldPath(Objects.requireNonNull(path, "path"));
    }

    /** The path to field {@code name} of this one. */
    public FieldPath child(String name) {
        return new FieldPath(path.isEmpty() ? name : path + "." + name);
    }

    /** The path to element {@code index} of the list at this path. */
    public FieldPath index(int index) {
        return new FieldPath(path + "[" + index + "]");
    }

    /** The path to entry {@code key} of the map at this path. */
    public FieldPath key(String key) {
        return new FieldPath(path + "[" + key + "]");
    }

    /** Whether this is the root path. */
    public boolean isRoot() {
        return path.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath other && other.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    /** The printed path, empty for the root. */
    @Override
    public String toString() {
        return path;
    }
}
