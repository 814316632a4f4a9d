package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.LabelSelector;
import java.util.List;

/**
 * What a PersistentVolumeClaim asks for. Immutable; lists are never {@code null}, scalars are {@code null} when unset.
 *
 * @param accessModes      how the volume will be mounted, values of {@link PersistentVolumeAccessMode}; required
 * @param selector         labels a pre-provisioned volume must have to be bound to this claim
 * @param resources        the storage requested
 * @param volumeName       the name of the PersistentVolume to bind to (set by the binder, or by hand for static
 *                         binding)
 * @param storageClassName the StorageClass; {@code ""} asks for a volume with no class, {@code null} for the default
 * @param volumeMode       {@link PersistentVolumeMode#FILESYSTEM} (default) or {@link PersistentVolumeMode#BLOCK}
 */
public record PersistentVolumeClaimSpec(List<String> accessModes, LabelSelector selector,
                                        VolumeResourceRequirements resources, String volumeName,
                                        String storageClassName, String volumeMode) {

    /** Normalises absent lists. */
    public PersistentVolumeClaimSpec {
        accessModes = Immutables.list(accessModes);
    }
}
