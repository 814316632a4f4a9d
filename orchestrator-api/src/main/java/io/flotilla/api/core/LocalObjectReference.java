package io.flotilla.api.core;

/**
 * A reference by name to an object in the same namespace, such as an image pull Secret. Immutable.
 *
 * @param name the referenced object's name
 */
public record LocalObjectReference(String name) {

    /** A reference to {@code name}. */
    public static LocalObjectReference of(String name) {
        return new LocalObjectReference(name);
    }
}
