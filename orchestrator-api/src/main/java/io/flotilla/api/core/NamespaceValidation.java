package io.flotilla.api.core;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;

/** Validation of {@link Namespace}: a DNS-1123 label name, qualified finalizer names, a known phase. */
final class NamespaceValidation {
    private NamespaceValidation() {
    }

    static void validate(Namespace ns, ValidationErrors errors) {
        Checks.objectMeta(ns.metadata(), Namespace.TYPE.namespaced(), true, errors);
        FieldPath finalizers = FieldPath.of("spec").child("finalizers");
        for (int i = 0; i < ns.spec().finalizers().size(); i++) {
            String f = ns.spec().finalizers().get(i);
            if (Checks.required(f, finalizers.index(i), errors)) {
                Checks.qualifiedName(f, finalizers.index(i), errors);
            }
        }
        if (ns.status() != null) {
            Checks.oneOf(ns.status().phase(), NamespaceStatus.PHASES, FieldPath.of("status").child("phase"), errors);
        }
    }
}
