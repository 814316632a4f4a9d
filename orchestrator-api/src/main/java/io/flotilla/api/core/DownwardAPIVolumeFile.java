package io.flotilla.api.core;

/**
 * One file of a downward API volume: a pod field or a container resource. Immutable.
 *
 * @param path             the relative file path
 * @param fieldRef         the pod field to write (only {@code metadata.*} fields are allowed in volumes)
 * @param resourceFieldRef the container resource to write
 * @param mode             the file's permission bits, or {@code null} for the volume's default
 */
public record DownwardAPIVolumeFile(String path, ObjectFieldSelector fieldRef,
                                    ResourceFieldSelector resourceFieldRef, Integer mode) {

    /** File {@code path} holding pod field {@code fieldPath}. */
    public static DownwardAPIVolumeFile field(String path, String fieldPath) {
        return new DownwardAPIVolumeFile(path, ObjectFieldSelector.of(fieldPath), null, null);
    }
}
