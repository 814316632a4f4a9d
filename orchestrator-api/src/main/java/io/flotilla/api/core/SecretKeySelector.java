package io.flotilla.api.core;

/**
 * Selects one key of a Secret in the pod's namespace. Immutable; holds no secret value.
 *
 * @param name     the Secret's name
 * @param key      the key to read
 * @param optional whether the pod may start when the Secret or key is missing ({@code null} means false)
 */
public record SecretKeySelector(String name, String key, Boolean optional) {

    /** A required key of a Secret. */
    public static SecretKeySelector of(String name, String key) {
        return new SecretKeySelector(name, key, null);
    }
}
