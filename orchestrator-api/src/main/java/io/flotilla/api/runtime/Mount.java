package io.flotilla.api.runtime;

import java.util.Objects;

/**
 * A mount into a container (CRI {@code Mount}): either a host path or a runtime volume created with
 * {@link ContainerRuntime#createVolume}, never both. Sub-paths are the agent's business (it mounts a host
 * sub-directory or lays the volume out with {@link ContainerRuntime#writeFiles}). Immutable.
 *
 * @param containerPath where it appears in the container; absolute
 * @param hostPath      a path on the runtime's host, or {@code null}
 * @param volumeName    the name of a runtime volume, or {@code null}
 * @param readOnly      whether the container may not write to it
 */
public record Mount(String containerPath, String hostPath, String volumeName, boolean readOnly) {

    /** Checks that exactly one source is set and the container path is absolute. */
    public Mount {
        Objects.requireNonNull(containerPath, "containerPath");
        if (!containerPath.startsWith("/")) {
            throw new IllegalArgumentException("containerPath must be absolute: " + containerPath);
        }
        if ((hostPath == null) == (volumeName == null)) {
            throw new IllegalArgumentException("a mount needs exactly one of hostPath and volumeName, at "
                    + containerPath);
        }
    }

    /** The runtime volume {@code volumeName} at {@code containerPath}. */
    public static Mount volume(String volumeName, String containerPath, boolean readOnly) {
        return new Mount(containerPath, null, Objects.requireNonNull(volumeName, "volumeName"), readOnly);
    }

    /** The host path {@code hostPath} at {@code containerPath}. */
    public static Mount hostPath(String hostPath, String containerPath, boolean readOnly) {
        return new Mount(containerPath, Objects.requireNonNull(hostPath, "hostPath"), null, readOnly);
    }
}
