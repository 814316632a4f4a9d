package io.flotilla.api.core;

/**
 * Selects one key of a ConfigMap in the pod's namespace. Immutable.
 *
 * @param name     the ConfigMap's name
 * @param key      the key to read
 * @param optional whether the pod may start when the ConfigMap or key is missing ({@code null} means false)
 */
public record ConfigMapKeySelector(String name, String key, Boolean optional) {

    /** A required key of a ConfigMap. */
    public static ConfigMapKeySelector of(String name, String key) {
        return new ConfigMapKeySelector(name, key, null);
    }
}
