package io.flotilla.api.storage;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.Locale;

/** Validation of {@link StorageClass}: provisioner, parameters, reclaim policy, binding mode and topologies. */
final class StorageClassValidation {
    private static final int MAX_PARAMETERS = 512;

    private StorageClassValidation() {
    }

    static void validate(StorageClass sc, ValidationErrors errors) {
        Checks.objectMeta(sc.metadata(), StorageClass.TYPE.namespaced(), false, errors);
        FieldPath provisioner = FieldPath.of("provisioner");
        if (Checks.required(sc.provisioner(), provisioner, errors)) {
            Checks.qualifiedName(sc.provisioner().toLowerCase(Locale.ROOT), provisioner, errors);
        }
        if (sc.parameters().size() > MAX_PARAMETERS) {
            errors.invalid(FieldPath.of("parameters"), null, "may not contain more than " + MAX_PARAMETERS
                    + " parameters");
        }
        for (String key : sc.parameters().keySet()) {
            if (key.isEmpty()) {
                errors.invalid(FieldPath.of("parameters"), key, "parameter names may not be empty");
            }
        }
        Checks.oneOf(sc.reclaimPolicy(), StorageClass.RECLAIM_POLICIES, FieldPath.of("reclaimPolicy"), errors);
        Checks.oneOf(sc.volumeBindingMode(), StorageClass.VOLUME_BINDING_MODES, FieldPath.of("volumeBindingMode"),
                errors);
        FieldPath topologies = FieldPath.of("allowedTopologies");
        for (int i = 0; i < sc.allowedTopologies().size(); i++) {
            var term = sc.allowedTopologies().get(i);
            FieldPath exprs = topologies.index(i).child("matchLabelExpressions");
            if (term.matchLabelExpressions().isEmpty()) {
                errors.required(exprs, "must have at least one label requirement");
            }
            for (int j = 0; j < term.matchLabelExpressions().size(); j++) {
                var req = term.matchLabelExpressions().get(j);
                if (Checks.required(req.key(), exprs.index(j).child("key"), errors)) {
                    Checks.qualifiedName(req.key(), exprs.index(j).child("key"), errors);
                }
                if (req.values().isEmpty()) {
                    errors.required(exprs.index(j).child("values"), "must specify as least one value");
                }
            }
        }
    }
}
