package io.flotilla.api.core;

/**
 * Mounts a pod volume into a container. Immutable.
 *
 * @param name      the volume's name, one of the pod's {@code volumes}
 * @param readOnly  whether the mount is read-only ({@code null} means false)
 * @param mountPath the absolute path in the container
 * @param subPath   a path inside the volume to mount instead of its root, or {@code null}
 */
public record VolumeMount(String name, Boolean readOnly, String mountPath, String subPath) {

    /** A read-write mount of the whole volume. */
    public static VolumeMount of(String name, String mountPath) {
        return new VolumeMount(name, null, mountPath, null);
    }

    /** A read-only mount of the whole volume. */
    public static VolumeMount readOnly(String name, String mountPath) {
        return new VolumeMount(name, true, mountPath, null);
    }

    /** A copy mounting only {@code subPath} of the volume. */
    public VolumeMount withSubPath(String subPath) {
        return new VolumeMount(name, readOnly, mountPath, subPath);
    }

    /** Whether the mount is read-only. */
    public boolean isReadOnly() {
        return Boolean.TRUE.equals(readOnly);
    }
}
