package io.flotilla.api.core;

/**
 * A PersistentVolume on a local disk of one node (which the volume's {@code nodeAffinity} must name). Immutable.
 *
 * @param path   the absolute path of the disk or directory on the node; required
 * @param fsType the filesystem type, for block devices; {@code null} to detect it
 */
public record LocalVolumeSource(String path, String fsType) {

    /** A local volume at {@code path}. */
    public static LocalVolumeSource of(String path) {
        return new LocalVolumeSource(path, null);
    }
}
