package io.flotilla.core.controllers.volume;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.PersistentVolume;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.PersistentVolumeMode;
import io.flotilla.api.core.PersistentVolumeStatus;
import io.flotilla.api.core.VolumeResourceRequirements;
import io.flotilla.api.meta.Quantity;
import io.flotilla.api.storage.StorageClass;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Kubernetes' {@code findMatchingVolume} and storage-class resolution. Stateless and thread-safe.
 */
final class VolumeMatcher {
    private VolumeMatcher() {
    }

    /**
     * The class a claim uses: its {@code storageClassName}; when that is unset, the default class (the newest of
     * several, as Kubernetes) or, without one, no class ({@code ""}). Kubernetes writes the default into the claim
     * at admission; here the field is left as the user wrote it.
     */
    static String className(PersistentVolumeClaim claim, List<StorageClass> classes) {
        String name = claim.spec().storageClassName();
        if (name != null) {
            return name;
        }
        return classes.stream().filter(StorageClass::isDefaultClass)
                .max(Comparator.comparing((StorageClass c) -> c.metadata().creationTimestamp(),
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(c -> c.metadata().name()).orElse("");
    }

    /** The volume pre-bound to the claim by its {@code claimRef} (name, namespace and, if set, uid), if any. */
    static Optional<PersistentVolume> preBound(PersistentVolumeClaim claim, List<PersistentVolume> volumes) {
        return volumes.stream().filter(pv -> refersTo(pv, claim) && !pv.metadata().isDeleting()).findFirst();
    }

    /** Whether the volume's {@code claimRef} names the claim. */
    static boolean refersTo(PersistentVolume pv, PersistentVolumeClaim claim) {
        var ref = pv.spec().claimRef();
        return ref != null && Objects.equals(ref.name(), claim.metadata().name())
                && Objects.equals(ref.namespace(), claim.metadata().namespace())
                && (ref.uid() == null || ref.uid().isEmpty() || ref.uid().equals(claim.metadata().uid()));
    }

    /**
     * The smallest available volume that fits the claim: same class, every requested access mode, at least the
     * requested storage, labels matching the claim's selector, same volume mode, and (when the claim waits for its
     * first consumer) reachable from the selected node.
     */
    static Optional<PersistentVolume> bestFit(PersistentVolumeClaim claim, String className,
                                              List<PersistentVolume> volumes, Node selectedNode) {
        Quantity requested = requested(claim);
        return volumes.stream()
                .filter(pv -> pv.spec().claimRef() == null && !pv.metadata().isDeleting())
                .filter(pv -> pv.status() == null || pv.status().phase() == null
                        || PersistentVolumeStatus.AVAILABLE.equals(pv.status().phase()))
                .filter(pv -> className.equals(Objects.toString(pv.spec().storageClassName(), "")))
                .filter(pv -> pv.spec().accessModes().containsAll(claim.spec().accessModes()))
                .filter(pv -> capacity(pv).compareTo(requested) >= 0)
                .filter(pv -> claim.spec().selector() == null
                        || claim.spec().selector().matches(pv.metadata().labels()))
                .filter(pv -> volumeMode(pv.spec().volumeMode()).equals(volumeMode(claim.spec().volumeMode())))
                .filter(pv -> selectedNode == null || pv.spec().nodeAffinity() == null
                        || pv.spec().nodeAffinity().required() == null
                        || pv.spec().nodeAffinity().required().matches(selectedNode.metadata().name(),
                        selectedNode.metadata().labels()))
                .min(Comparator.comparing(VolumeMatcher::capacity).thenComparing(pv -> pv.metadata().name()));
    }

    /** The storage the claim requests (zero if none). */
    static Quantity requested(PersistentVolumeClaim claim) {
        VolumeResourceRequirements resources = claim.spec().resources();
        return resources == null ? Quantity.ZERO : resources.requestedStorage().orElse(Quantity.ZERO);
    }

    static Quantity capacity(PersistentVolume pv) {
        return pv.spec().capacity().getOrDefault(VolumeResourceRequirements.STORAGE, Quantity.ZERO);
    }

    private static String volumeMode(String mode) {
        return mode == null ? PersistentVolumeMode.FILESYSTEM : mode;
    }
}
