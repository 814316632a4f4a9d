package io.flotilla.api.core;

import io.flotilla.api.meta.Quantity;
import java.util.List;

/**
 * A scratch directory that lives as long as the pod. Immutable.
 *
 * @param medium    {@code null}/empty for node storage or {@link #MEMORY} for tmpfs
 * @param sizeLimit the most the directory may hold, or {@code null} for no limit
 */
public record EmptyDirVolumeSource(String medium, Quantity sizeLimit) {

    /** A tmpfs (RAM-backed) directory. */
    public static final String MEMORY = "Memory";
    /** Every supported medium; the empty string is the node's default storage. */
    public static final List<String> MEDIUMS = List.of("", MEMORY, "HugePages");
    /** An empty directory on the node's default storage. */
    public static final EmptyDirVolumeSource DEFAULT = new EmptyDirVolumeSource(null, null);
}
