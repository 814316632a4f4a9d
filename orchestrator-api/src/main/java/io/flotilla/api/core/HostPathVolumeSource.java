package io.flotilla.api.core;

import java.util.List;

/**
 * A file or directory of the node mounted into the pod (also a PersistentVolume source). Immutable.
 *
 * @param path the absolute path on the node
 * @param type what must be at the path: one of {@link #TYPES}; {@code null} or empty means no check
 */
public record HostPathVolumeSource(String path, String type) {

    /** Create an empty directory if nothing exists at the path. */
    public static final String DIRECTORY_OR_CREATE = "DirectoryOrCreate";
    /** A directory must exist at the path. */
    public static final String DIRECTORY = "Directory";
    /** Create an empty file if nothing exists at the path. */
    public static final String FILE_OR_CREATE = "FileOrCreate";
    /** A file must exist at the path. */
    public static final String FILE = "File";
    /** A UNIX socket must exist at the path. */
    public static final String SOCKET = "Socket";
    /** A character device must exist at the path. */
    public static final String CHAR_DEVICE = "CharDevice";
    /** A block device must exist at the path. */
    public static final String BLOCK_DEVICE = "BlockDevice";
    /** Every supported type; the empty string means no check. */
    public static final List<String> TYPES =
            List.of("", DIRECTORY_OR_CREATE, DIRECTORY, FILE_OR_CREATE, FILE, SOCKET, CHAR_DEVICE, BLOCK_DEVICE);

    /** Node path {@code path} without a type check. */
    public static HostPathVolumeSource of(String path) {
        return new HostPathVolumeSource(path, null);
    }
}
