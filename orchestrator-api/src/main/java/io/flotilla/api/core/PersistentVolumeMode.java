package io.flotilla.api.core;

import java.util.List;

/**
 * The volume modes of PersistentVolumes and claims ({@code spec.volumeMode}): a mounted filesystem (the default) or
 * a raw block device. Kept as strings, as in Kubernetes; these are the supported values.
 */
public final class PersistentVolumeMode {
    /** The volume is formatted and mounted as a directory (the default when unset). */
    public static final String FILESYSTEM = "Filesystem";
    /** The volume is handed to the container as a raw block device. */
    public static final String BLOCK = "Block";
    /** Every supported volume mode. */
    public static final List<String> VALUES = List.of(BLOCK, FILESYSTEM);

    private PersistentVolumeMode() {
    }
}
