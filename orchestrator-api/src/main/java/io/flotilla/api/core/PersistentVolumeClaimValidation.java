package io.flotilla.api.core;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.Map;

/**
 * Validation of {@link PersistentVolumeClaim}: access modes, requested storage, storage class and volume mode, and
 * the status phase when present.
 */
final class PersistentVolumeClaimValidation {
    private PersistentVolumeClaimValidation() {
    }

    static void validate(PersistentVolumeClaim pvc, ValidationErrors errors) {
        Checks.objectMeta(pvc.metadata(), PersistentVolumeClaim.TYPE.namespaced(), false, errors);
        spec(pvc.spec(), FieldPath.of("spec"), errors);
        if (pvc.status() != null) {
            Checks.oneOf(pvc.status().phase(), PersistentVolumeClaimStatus.PHASES,
                    FieldPath.of("status").child("phase"), errors);
        }
    }

    /** The spec of a claim, at {@code path}; package-visible so that other core validation can reuse it. */
    static void spec(PersistentVolumeClaimSpec spec, FieldPath path, ValidationErrors errors) {
        StorageValidation.accessModes(spec.accessModes(), path.child("accessModes"), errors);
        AffinityValidation.labelSelector(spec.selector(), path.child("selector"), errors);
        FieldPath resources = path.child("resources");
        VolumeResourceRequirements req = spec.resources();
        QuantityChecks.storage(req == null ? Map.of() : req.requests(), resources.child("requests"), errors);
        if (req != null) {
            QuantityChecks.nonNegative(req.limits(), resources.child("limits"), errors);
        }
        if (spec.volumeName() != null && !spec.volumeName().isEmpty()) {
            Checks.dns1123Subdomain(spec.volumeName(), path.child("volumeName"), errors);
        }
        StorageValidation.storageClassName(spec.storageClassName(), path.child("storageClassName"), errors);
        StorageValidation.volumeMode(spec.volumeMode(), path.child("volumeMode"), errors);
    }
}
