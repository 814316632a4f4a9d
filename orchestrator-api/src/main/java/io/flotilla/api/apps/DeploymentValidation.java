package io.flotilla.api.apps;

import io.flotilla.api.meta.IntOrString;
import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;

/**
 * Validation of {@link Deployment}: replicas, selector and template (which must restart Always), strategy and its
 * bounds, and the timing fields.
 */
final class DeploymentValidation {
    private DeploymentValidation() {
    }

    static void validate(Deployment d, ValidationErrors errors) {
        Checks.objectMeta(d.metadata(), Deployment.TYPE.namespaced(), false, errors);
        FieldPath path = FieldPath.of("spec");
        DeploymentSpec spec = d.spec();
        if (spec == null) {
            errors.required(path, "");
            return;
        }
        Checks.nonNegative(spec.replicas(), path.child("replicas"), errors);
        WorkloadChecks.requiredSelector(spec.selector(), "deployment", path.child("selector"), errors);
        WorkloadChecks.template(spec.template(), spec.selector(), path.child("template"), errors);
        WorkloadChecks.alwaysRestarts(spec.template(), "Deployment", path.child("template"), errors);
        strategy(spec.strategy(), path.child("strategy"), errors);
        Checks.nonNegative(spec.minReadySeconds(), path.child("minReadySeconds"), errors);
        Checks.nonNegative(spec.revisionHistoryLimit(), path.child("revisionHistoryLimit"), errors);
        Integer deadline = spec.progressDeadlineSeconds();
        if (deadline != null && Checks.nonNegative(deadline, path.child("progressDeadlineSeconds"), errors)
                && deadline <= (spec.minReadySeconds() == null ? 0 : spec.minReadySeconds())) {
            errors.invalid(path.child("progressDeadlineSeconds"), deadline, "must be greater than minReadySeconds");
        }
    }

    private static void strategy(DeploymentStrategy strategy, FieldPath path, ValidationErrors errors) {
        if (strategy == null) {
            return;
        }
        if (DeploymentStrategy.RECREATE.equals(strategy.type())) {
            if (strategy.rollingUpdate() != null) {
                errors.add(FieldError.forbidden(path.child("rollingUpdate"),
                        "may not be specified when strategy `type` is 'Recreate'"));
            }
        } else if (Checks.oneOf(strategy.type(), DeploymentStrategy.TYPES, path.child("type"), errors)
                && strategy.rollingUpdate() != null) {
            rollingUpdate(strategy.rollingUpdate(), path.child("rollingUpdate"), errors);
        }
    }

    private static void rollingUpdate(RollingUpdateDeployment ru, FieldPath path, ValidationErrors errors) {
        FieldPath unavailablePath = path.child("maxUnavailable");
        WorkloadChecks.intOrPercent(ru.maxUnavailable(), unavailablePath, errors);
        WorkloadChecks.intOrPercent(ru.maxSurge(), path.child("maxSurge"), errors);
        IntOrString unavailable = ru.maxUnavailable() == null ? RollingUpdateDeployment.DEFAULT_BOUND
                : ru.maxUnavailable();
        IntOrString surge = ru.maxSurge() == null ? RollingUpdateDeployment.DEFAULT_BOUND : ru.maxSurge();
        if (WorkloadChecks.isZero(unavailable) && WorkloadChecks.isZero(surge)) {
            errors.invalid(unavailablePath, unavailable, "may not be 0 when `maxSurge` is 0");
        }
        WorkloadChecks.notMoreThan100Percent(ru.maxUnavailable(), unavailablePath, errors);
    }
}
