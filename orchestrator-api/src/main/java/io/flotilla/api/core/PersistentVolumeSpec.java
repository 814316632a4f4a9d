package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.Quantity;
import java.util.List;
import java.util.Map;

/**
 * A piece of storage and how it may be used: its size, exactly one source (where the data lives), access modes,
 * the claim bound to it and what happens when that claim is deleted. Immutable; collections are never {@code null},
 * scalars are {@code null} when unset.
 *
 * @param capacity                      the size; {@code storage} is required and the only key
 * @param hostPath                      a directory on the host (single node, for development and tests)
 * @param local                         a local disk of one node, which {@code nodeAffinity} must name
 * @param accessModes                   values of {@link PersistentVolumeAccessMode}; required
 * @param claimRef                      the claim bound to the volume, or reserved for it
 * @param persistentVolumeReclaimPolicy one of {@link #RECLAIM_POLICIES}: {@link #RETAIN} is the default for volumes
 *                                      made by hand, {@link #DELETE} for provisioned ones
 * @param storageClassName              the volume's StorageClass; empty or {@code null} for none
 * @param mountOptions                  mount options, such as {@code noatime}
 * @param volumeMode                    {@link PersistentVolumeMode#FILESYSTEM} (default) or
 *                                      {@link PersistentVolumeMode#BLOCK}
 * @param nodeAffinity                  the nodes the volume can be used from
 */
public record PersistentVolumeSpec(Map<String, Quantity> capacity, HostPathVolumeSource hostPath,
                                   LocalVolumeSource local, List<String> accessModes, ObjectReference claimRef,
                                   String persistentVolumeReclaimPolicy, String storageClassName,
                                   List<String> mountOptions, String volumeMode, VolumeNodeAffinity nodeAffinity) {
    /** The volume is kept after its claim is deleted, for manual reclamation. */
    public static final String RETAIN = "Retain";
    /** The volume (and its data) is deleted with its claim. */
    public static final String DELETE = "Delete";
    /** The volume is scrubbed ({@code rm -rf}) and made available again (deprecated in Kubernetes). */
    public static final String RECYCLE = "Recycle";
    /** Every reclaim policy. */
    public static final List<String> RECLAIM_POLICIES = List.of(DELETE, RECYCLE, RETAIN);

    /** Normalises absent collections. */
    public PersistentVolumeSpec {
        capacity = Immutables.map(capacity);
        accessModes = Immutables.list(accessModes);
        mountOptions = Immutables.list(mountOptions);
    }
}
