package io.flotilla.api.core;

import java.util.List;

/**
 * The access modes of PersistentVolumes and claims ({@code spec.accessModes}): how many nodes, and how, may mount
 * a volume. Kubernetes keeps these as strings, so the model does too; these are the supported values.
 */
public final class PersistentVolumeAccessMode {
    /** Mounted read-write by a single node. */
    public static final String READ_WRITE_ONCE = "ReadWriteOnce";
    /** Mounted read-only by many nodes. */
    public static final String READ_ONLY_MANY = "ReadOnlyMany";
    /** Mounted read-write by many nodes. */
    public static final String READ_WRITE_MANY = "ReadWriteMany";
    /** Mounted read-write by a single pod; may not be combined with other modes. */
    public static final String READ_WRITE_ONCE_POD = "ReadWriteOncePod";
    /** Every supported access mode, in Kubernetes' order. */
    public static final List<String> VALUES =
            List.of(READ_WRITE_ONCE, READ_ONLY_MANY, READ_WRITE_MANY, READ_WRITE_ONCE_POD);

    private PersistentVolumeAccessMode() {
    }
}
