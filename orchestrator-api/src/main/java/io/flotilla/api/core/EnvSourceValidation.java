package io.flotilla.api.core;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.regex.Pattern;

/** Validation of environment variable sources and downward API selectors. Stateless. */
final class EnvSourceValidation {
    private static final Pattern LABEL_OR_ANNOTATION = Pattern.compile("metadata\\.(labels|annotations)\\['.+'\\]");

    private EnvSourceValidation() {
    }

    static void valueFrom(EnvVarSource src, FieldPath path, ValidationErrors errors) {
        int count = src.sourceCount();
        if (count == 0) {
            errors.invalid(path, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or "
                    + "`secretKeyRef`");
            return;
        }
        if (count > 1) {
            errors.invalid(path, "", "may not have more than one field specified at a time");
            return;
        }
        if (src.fieldRef() != null) {
            fieldRef(src.fieldRef(), true, path.child("fieldRef"), errors);
        } else if (src.resourceFieldRef() != null) {
            resourceFieldRef(src.resourceFieldRef(), false, path.child("resourceFieldRef"), errors);
        } else if (src.configMapKeyRef() != null) {
            keyRef(src.configMapKeyRef().name(), src.configMapKeyRef().key(), path.child("configMapKeyRef"), errors);
        } else {
            keyRef(src.secretKeyRef().name(), src.secretKeyRef().key(), path.child("secretKeyRef"), errors);
        }
    }

    private static void keyRef(String name, String key, FieldPath path, ValidationErrors errors) {
        ContainerValidation.objectName(name, path.child("name"), errors);
        if (Checks.required(key, path.child("key"), errors)) {
            Checks.configKey(key, path.child("key"), errors);
        }
    }

    /**
     * A pod field selector. In env every {@link ObjectFieldSelector#SUPPORTED_PATHS} entry is allowed; in volumes
     * only {@code metadata.*} fields.
     */
    static void fieldRef(ObjectFieldSelector ref, boolean inEnv, FieldPath path, ValidationErrors errors) {
        if (ref.apiVersion() != null && !ref.apiVersion().isEmpty() && !"v1".equals(ref.apiVersion())) {
            errors.add(FieldError.notSupported(path.child("apiVersion"), ref.apiVersion(), java.util.List.of("v1")));
        }
        FieldPath fieldPath = path.child("fieldPath");
        if (!Checks.required(ref.fieldPath(), fieldPath, errors)
                || LABEL_OR_ANNOTATION.matcher(ref.fieldPath()).matches()) {
            return;
        }
        boolean supported = ObjectFieldSelector.SUPPORTED_PATHS.contains(ref.fieldPath())
                && (inEnv || ref.fieldPath().startsWith("metadata."));
        if (!supported) {
            errors.add(FieldError.notSupported(fieldPath, ref.fieldPath(), inEnv ? ObjectFieldSelector.SUPPORTED_PATHS
                    : ObjectFieldSelector.SUPPORTED_PATHS.stream().filter(p -> p.startsWith("metadata.")).toList()));
        }
    }

    /** A resource selector; in volumes the container name is required. */
    static void resourceFieldRef(ResourceFieldSelector ref, boolean inVolume, FieldPath path,
                                 ValidationErrors errors) {
        if (inVolume) {
            Checks.required(ref.containerName(), path.child("containerName"), errors);
        }
        if (Checks.required(ref.resource(), path.child("resource"), errors)) {
            Checks.oneOf(ref.resource(), ResourceFieldSelector.SUPPORTED_RESOURCES, path.child("resource"), errors);
        }
        if (ref.divisor() != null && ref.divisor().value().signum() <= 0) {
            errors.invalid(path.child("divisor"), ref.divisor().toString(), "must be greater than 0");
        }
    }
}
