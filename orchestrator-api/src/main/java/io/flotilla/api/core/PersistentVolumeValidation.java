package io.flotilla.api.core;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;

/**
 * Validation of {@link PersistentVolume}: capacity (storage only, positive), access modes, exactly one source, node
 * affinity (required for local volumes), reclaim policy, class, volume mode and status phase.
 */
final class PersistentVolumeValidation {
    private static final FieldPath SPEC = FieldPath.of("spec");

    private PersistentVolumeValidation() {
    }

    static void validate(PersistentVolume pv, ValidationErrors errors) {
        Checks.objectMeta(pv.metadata(), PersistentVolume.TYPE.namespaced(), false, errors);
        PersistentVolumeSpec spec = pv.spec();
        capacity(spec, errors);
        StorageValidation.accessModes(spec.accessModes(), SPEC.child("accessModes"), errors);
        source(spec, errors);
        if (spec.nodeAffinity() != null) {
            FieldPath required = SPEC.child("nodeAffinity").child("required");
            if (spec.nodeAffinity().required() == null) {
                errors.required(required, "must specify required node constraints");
            } else {
                AffinityValidation.nodeSelector(spec.nodeAffinity().required(), required, errors);
            }
        }
        if (spec.claimRef() != null) {
            Checks.required(spec.claimRef().name(), SPEC.child("claimRef").child("name"), errors);
        }
        Checks.oneOf(spec.persistentVolumeReclaimPolicy(), PersistentVolumeSpec.RECLAIM_POLICIES,
                SPEC.child("persistentVolumeReclaimPolicy"), errors);
        StorageValidation.storageClassName(spec.storageClassName(), SPEC.child("storageClassName"), errors);
        StorageValidation.volumeMode(spec.volumeMode(), SPEC.child("volumeMode"), errors);
        if (pv.status() != null) {
            Checks.oneOf(pv.status().phase(), PersistentVolumeStatus.PHASES, FieldPath.of("status").child("phase"),
                    errors);
        }
    }

    private static void capacity(PersistentVolumeSpec spec, ValidationErrors errors) {
        FieldPath path = SPEC.child("capacity");
        if (spec.capacity().isEmpty()) {
            errors.required(path, "");
            return;
        }
        for (String key : spec.capacity().keySet()) {
            if (!key.equals(VolumeResourceRequirements.STORAGE)) {
                errors.add(FieldError.notSupported(path.key(key), key, List.of(VolumeResourceRequirements.STORAGE)));
            }
        }
        QuantityChecks.storage(spec.capacity(), path, errors);
    }

    private static void source(PersistentVolumeSpec spec, ValidationErrors errors) {
        int sources = 0;
        if (spec.hostPath() != null) {
            sources++;
            FieldPath path = SPEC.child("hostPath");
            absolutePath(spec.hostPath().path(), path.child("path"), errors);
            Checks.oneOf(spec.hostPath().type(), HostPathVolumeSource.TYPES, path.child("type"), errors);
        }
        if (spec.local() != null) {
            if (++sources > 1) {
                errors.add(FieldError.forbidden(SPEC.child("local"), "may not specify more than 1 volume type"));
            }
            absolutePath(spec.local().path(), SPEC.child("local").child("path"), errors);
            if (spec.nodeAffinity() == null) {
                errors.required(SPEC.child("nodeAffinity"), "Local volume requires node affinity");
            }
        }
        if (sources == 0) {
            errors.required(SPEC, "must specify a volume type");
        }
    }

    private static void absolutePath(String path, FieldPath at, ValidationErrors errors) {
        if (!Checks.required(path, at, errors)) {
            return;
        }
        if (!path.startsWith("/")) {
            errors.invalid(at, path, "must be an absolute path");
        } else if (List.of(path.split("/")).contains("..")) {
            errors.invalid(at, path, "must not contain '..'");
        }
    }
}
