package io.flotilla.api.apps;

import io.flotilla.api.meta.IntOrString;
import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;

/**
 * Validation of {@link DaemonSet}: selector and template (which must restart Always), timing fields, and the
 * update strategy, whose rolling update must have exactly one non-zero bound.
 */
final class DaemonSetValidation {
    private DaemonSetValidation() {
    }

    static void validate(DaemonSet ds, ValidationErrors errors) {
        Checks.objectMeta(ds.metadata(), DaemonSet.TYPE.namespaced(), false, errors);
        FieldPath path = FieldPath.of("spec");
        DaemonSetSpec spec = ds.spec();
        if (spec == null) {
            errors.required(path, "");
            return;
        }
        WorkloadChecks.requiredSelector(spec.selector(), "daemonset", path.child("selector"), errors);
        WorkloadChecks.template(spec.template(), spec.selector(), path.child("template"), errors);
        WorkloadChecks.alwaysRestarts(spec.template(), "DaemonSet", path.child("template"), errors);
        Checks.nonNegative(spec.minReadySeconds(), path.child("minReadySeconds"), errors);
        updateStrategy(spec.updateStrategy(), path.child("updateStrategy"), errors);
        Checks.nonNegative(spec.revisionHistoryLimit(), path.child("revisionHistoryLimit"), errors);
    }

    private static void updateStrategy(DaemonSetUpdateStrategy strategy, FieldPath path, ValidationErrors errors) {
        if (strategy == null || !Checks.oneOf(strategy.type(), DaemonSetUpdateStrategy.TYPES, path.child("type"),
                errors) || DaemonSetUpdateStrategy.ON_DELETE.equals(strategy.type())
                || strategy.rollingUpdate() == null) {
            return;
        }
        RollingUpdateDaemonSet ru = strategy.rollingUpdate();
        FieldPath rolling = path.child("rollingUpdate");
        FieldPath unavailablePath = rolling.child("maxUnavailable");
        FieldPath surgePath = rolling.child("maxSurge");
        WorkloadChecks.intOrPercent(ru.maxUnavailable(), unavailablePath, errors);
        WorkloadChecks.intOrPercent(ru.maxSurge(), surgePath, errors);
        WorkloadChecks.notMoreThan100Percent(ru.maxUnavailable(), unavailablePath, errors);
        WorkloadChecks.notMoreThan100Percent(ru.maxSurge(), surgePath, errors);
        IntOrString unavailable = ru.maxUnavailable() == null ? RollingUpdateDaemonSet.DEFAULT_MAX_UNAVAILABLE
                : ru.maxUnavailable();
        IntOrString surge = ru.maxSurge() == null ? RollingUpdateDaemonSet.DEFAULT_MAX_SURGE : ru.maxSurge();
        boolean hasUnavailable = !WorkloadChecks.isZero(unavailable);
        boolean hasSurge = !WorkloadChecks.isZero(surge);
        if (hasUnavailable && hasSurge) {
            errors.invalid(surgePath, surge, "may not be set when maxUnavailable is non-zero");
        } else if (!hasUnavailable && !hasSurge) {
            errors.required(unavailablePath, "cannot be 0 when maxSurge is 0");
        }
    }
}
