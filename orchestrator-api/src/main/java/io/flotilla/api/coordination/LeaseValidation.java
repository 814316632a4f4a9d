package io.flotilla.api.coordination;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;

/** Validation of {@link Lease}: a positive duration and a non-negative transition count. */
final class LeaseValidation {
    private LeaseValidation() {
    }

    static void validate(Lease lease, ValidationErrors errors) {
        Checks.objectMeta(lease.metadata(), Lease.TYPE.namespaced(), false, errors);
        FieldPath spec = FieldPath.of("spec");
        Checks.positive(lease.spec().leaseDurationSeconds(), spec.child("leaseDurationSeconds"), errors);
        Checks.nonNegative(lease.spec().leaseTransitions(), spec.child("leaseTransitions"), errors);
    }
}
