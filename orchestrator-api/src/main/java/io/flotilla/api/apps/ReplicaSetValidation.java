package io.flotilla.api.apps;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;

/** Validation of {@link ReplicaSet}: replicas, minReadySeconds, selector and template (which must restart Always). */
final class ReplicaSetValidation {
    private ReplicaSetValidation() {
    }

    static void validate(ReplicaSet rs, ValidationErrors errors) {
        Checks.objectMeta(rs.metadata(), ReplicaSet.TYPE.namespaced(), false, errors);
        FieldPath path = FieldPath.of("spec");
        ReplicaSetSpec spec = rs.spec();
        if (spec == null) {
            errors.required(path, "");
            return;
        }
        Checks.nonNegative(spec.replicas(), path.child("replicas"), errors);
        Checks.nonNegative(spec.minReadySeconds(), path.child("minReadySeconds"), errors);
        WorkloadChecks.requiredSelector(spec.selector(), "replicaset", path.child("selector"), errors);
        WorkloadChecks.template(spec.template(), spec.selector(), path.child("template"), errors);
        WorkloadChecks.alwaysRestarts(spec.template(), "ReplicaSet", path.child("template"), errors);
    }
}
