package io.flotilla.api.autoscaling;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;

/**
 * Validation of {@link HorizontalPodAutoscaler}: the target reference, replica bounds, metric sources and targets,
 * and scaling behavior.
 */
final class HorizontalPodAutoscalerValidation {
    private static final int MAX_STABILIZATION_WINDOW = 3600;
    private static final int MAX_PERIOD = 1800;

    private HorizontalPodAutoscalerValidation() {
    }

    static void validate(HorizontalPodAutoscaler hpa, ValidationErrors errors) {
        Checks.objectMeta(hpa.metadata(), HorizontalPodAutoscaler.TYPE.namespaced(), false, errors);
        FieldPath path = FieldPath.of("spec");
        HorizontalPodAutoscalerSpec spec = hpa.spec();
        if (spec == null) {
            errors.required(path, "");
            return;
        }
        FieldPath ref = path.child("scaleTargetRef");
        if (spec.scaleTargetRef() == null) {
            errors.required(ref, "");
        } else {
            Checks.required(spec.scaleTargetRef().kind(), ref.child("kind"), errors);
            Checks.required(spec.scaleTargetRef().name(), ref.child("name"), errors);
        }
        replicas(spec, path, errors);
        for (int i = 0; i < spec.metrics().size(); i++) {
            metric(spec.metrics().get(i), path.child("metrics").index(i), errors);
        }
        if (spec.behavior() != null) {
            FieldPath behavior = path.child("behavior");
            rules(spec.behavior().scaleUp(), behavior.child("scaleUp"), errors);
            rules(spec.behavior().scaleDown(), behavior.child("scaleDown"), errors);
        }
    }

    private static void replicas(HorizontalPodAutoscalerSpec spec, FieldPath path, ValidationErrors errors) {
        Integer min = spec.minReplicas();
        Integer max = spec.maxReplicas();
        if (min != null && min < 1) {
            errors.invalid(path.child("minReplicas"), min, "must be greater than or equal to 1");
        }
        if (max == null) {
            errors.required(path.child("maxReplicas"), "");
        } else if (max < 1) {
            errors.invalid(path.child("maxReplicas"), max, "must be greater than 0");
        } else if (min != null && max < min) {
            errors.invalid(path.child("maxReplicas"), max, "must be greater than or equal to `minReplicas`");
        }
    }

    private static void metric(MetricSpec metric, FieldPath path, ValidationErrors errors) {
        if (metric.type() == null || metric.type().isEmpty()) {
            errors.required(path.child("type"), "must specify a metric source type");
            return;
        }
        if (!Checks.oneOf(metric.type(), MetricSpec.TYPES, path.child("type"), errors)) {
            return;
        }
        boolean resource = MetricSpec.RESOURCE.equals(metric.type());
        FieldPath wanted = path.child(resource ? "resource" : "containerResource");
        Object other = resource ? metric.containerResource() : metric.resource();
        if (other != null) {
            errors.add(FieldError.forbidden(path.child(resource ? "containerResource" : "resource"),
                    "must populate the given metric source only"));
        }
        if (resource && metric.resource() != null) {
            source(metric.resource().name(), metric.resource().target(), wanted, errors);
        } else if (!resource && metric.containerResource() != null) {
            source(metric.containerResource().name(), metric.containerResource().target(), wanted, errors);
            Checks.required(metric.containerResource().container(), wanted.child("container"), errors);
        } else {
            errors.required(wanted, "must populate information for the given metric source");
        }
    }

    private static void source(String name, MetricTarget target, FieldPath path, ValidationErrors errors) {
        if (name == null || name.isEmpty()) {
            errors.required(path.child("name"), "must specify a resource name");
        } else {
            Checks.oneOf(name, ResourceMetricSource.NAMES, path.child("name"), errors);
        }
        FieldPath targetPath = path.child("target");
        if (target == null) {
            errors.required(targetPath, "");
        } else {
            target(target, targetPath, errors);
        }
    }

    private static void target(MetricTarget target, FieldPath targetPath, ValidationErrors errors) {
        if (target.type() == null || target.type().isEmpty()) {
            errors.required(targetPath.child("type"), "must specify a metric target type");
        } else {
            Checks.oneOf(target.type(), MetricTarget.TYPES, targetPath.child("type"), errors);
        }
        if (target.value() != null && target.value().signum() <= 0) {
            errors.invalid(targetPath.child("value"), target.value().toString(), "must be positive");
        }
        if (target.averageValue() != null && target.averageValue().signum() <= 0) {
            errors.invalid(targetPath.child("averageValue"), target.averageValue().toString(), "must be positive");
        }
        if (target.averageUtilization() != null && target.averageUtilization() < 1) {
            errors.invalid(targetPath.child("averageUtilization"), target.averageUtilization(),
                    "must be greater than 0");
        }
        if (target.averageUtilization() == null && target.averageValue() == null) {
            errors.required(targetPath.child("averageUtilization"),
                    "must set either a target raw value or a target utilization");
        } else if (target.averageUtilization() != null && target.averageValue() != null) {
            errors.add(FieldError.forbidden(targetPath.child("averageValue"),
                    "may not set both a target raw value and a target utilization"));
        }
    }

    private static void rules(ScalingRules rules, FieldPath path, ValidationErrors errors) {
        if (rules == null) {
            return;
        }
        Integer window = rules.stabilizationWindowSeconds();
        FieldPath windowPath = path.child("stabilizationWindowSeconds");
        if (Checks.nonNegative(window, windowPath, errors) && window != null && window > MAX_STABILIZATION_WINDOW) {
            errors.invalid(windowPath, window, "must be less than or equal to " + MAX_STABILIZATION_WINDOW);
        }
        Checks.oneOf(rules.selectPolicy(), ScalingRules.SELECT_POLICIES, path.child("selectPolicy"), errors);
        FieldPath policies = path.child("policies");
        if (rules.policies().isEmpty()) {
            errors.required(policies, "must specify at least one Policy");
        }
        for (int i = 0; i < rules.policies().size(); i++) {
            ScalingPolicy p = rules.policies().get(i);
            FieldPath at = policies.index(i);
            if (p.type() == null || p.type().isEmpty()) {
                errors.required(at.child("type"), "");
            } else {
                Checks.oneOf(p.type(), ScalingPolicy.TYPES, at.child("type"), errors);
            }
            positiveRequired(p.value(), at.child("value"), errors);
            if (positiveRequired(p.periodSeconds(), at.child("periodSeconds"), errors) && p.periodSeconds() > MAX_PERIOD) {
                errors.invalid(at.child("periodSeconds"), p.periodSeconds(), "must be less than or equal to " + MAX_PERIOD);
            }
        }
    }

    private static boolean positiveRequired(Integer value, FieldPath path, ValidationErrors errors) {
        if (value == null) {
            errors.required(path, "");
            return false;
        }
        return Checks.positive(value, path, errors);
    }
}
