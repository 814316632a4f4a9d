package io.flotilla.api.core;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;

/**
 * Rules that PersistentVolumes and PersistentVolumeClaims share: access modes, volume modes and storage class
 * names. Stateless.
 */
final class StorageValidation {
    private StorageValidation() {
    }

    /** At least one access mode, each supported, and {@code ReadWriteOncePod} alone. */
    static void accessModes(List<String> modes, FieldPath path, ValidationErrors errors) {
        if (modes.isEmpty()) {
            errors.required(path, "at least 1 access mode is required");
            return;
        }
        for (String mode : modes) {
            Checks.oneOf(mode, PersistentVolumeAccessMode.VALUES, path, errors);
        }
        if (modes.contains(PersistentVolumeAccessMode.READ_WRITE_ONCE_POD) && modes.size() > 1) {
            errors.add(FieldError.forbidden(path, "may not use ReadWriteOncePod with other access modes"));
        }
    }

    /** An optional volume mode; {@code null} means Filesystem. */
    static void volumeMode(String mode, FieldPath path, ValidationErrors errors) {
        Checks.oneOf(mode, PersistentVolumeMode.VALUES, path, errors);
    }

    /** An optional storage class name: empty (no class) or a DNS-1123 subdomain. */
    static void storageClassName(String name, FieldPath path, ValidationErrors errors) {
        if (name != null && !name.isEmpty()) {
            Checks.dns1123Subdomain(name, path, errors);
        }
    }
}
