package io.flotilla.api.core;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.Base64;
import java.util.Map;

/** Validation of {@link ConfigMap}: keys, base64 of binary entries, no key twice, at most 1 MiB. */
final class ConfigMapValidation {
    private static final int MAX_BYTES = 1024 * 1024;

    private ConfigMapValidation() {
    }

    static void validate(ConfigMap cm, ValidationErrors errors) {
        Checks.objectMeta(cm.metadata(), ConfigMap.TYPE.namespaced(), false, errors);
        long size = 0;
        FieldPath data = FieldPath.of("data");
        for (Map.Entry<String, String> e : cm.data().entrySet()) {
            Checks.configKey(e.getKey(), data.key(e.getKey()), errors);
            size += e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().length());
        }
        FieldPath binary = FieldPath.of("binaryData");
        for (Map.Entry<String, String> e : cm.binaryData().entrySet()) {
            FieldPath path = binary.key(e.getKey());
            Checks.configKey(e.getKey(), path, errors);
            if (cm.data().containsKey(e.getKey())) {
                errors.add(FieldError.duplicate(path, e.getKey()));
            }
            try {
                size += Base64.getDecoder().decode(e.getValue()).length;
            } catch (IllegalArgumentException | NullPointerException bad) {
                errors.invalid(path, null, "must be base64-encoded");
            }
        }
        if (size > MAX_BYTES) {
            errors.add(new FieldError(FieldPath.root(), FieldError.Type.TOO_LONG, null,
                    "the total size of a ConfigMap must be at most " + MAX_BYTES + " bytes"));
        }
    }
}
