package io.flotilla.api.core;

/**
 * Projects one key of a ConfigMap or Secret to a file in a volume. Immutable.
 *
 * @param key  the key
 * @param path the relative file path in the volume
 * @param mode the file's permission bits (0 to 0777), or {@code null} for the volume's default
 */
public record KeyToPath(String key, String path, Integer mode) {

    /** Key {@code key} as file {@code path} with the default mode. */
    public static KeyToPath of(String key, String path) {
        return new KeyToPath(key, path, null);
    }
}
