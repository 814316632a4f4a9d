package io.flotilla.api.apps;

import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.PodSpecValidation;
import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.meta.IntOrString;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.LabelSelectorValidation;
import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import io.flotilla.api.validation.Validator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The validation rules that workload kinds share, with Kubernetes' paths and wording: selectors, pod templates and
 * the template's restart policy, and int-or-percent rollout bounds. Used by the {@code apps} and {@code batch}
 * kinds. Stateless and thread-safe; methods add problems to {@code errors} and never throw for bad input.
 */
public final class WorkloadChecks {
    private static final Pattern PERCENT = Pattern.compile("[0-9]+%");

    private WorkloadChecks() {
    }

    /**
     * A selector the kind requires: present, not empty, and well-formed ({@link LabelSelectorValidation}).
     *
     * @param selector the selector, may be {@code null}
     * @param kind     the kind in lower case, for the message ({@code empty selector is invalid for deployment})
     * @param path     the selector's path, such as {@code spec.selector}
     * @param errors   where problems go
     */
    public static void requiredSelector(LabelSelector selector, String kind, FieldPath path, ValidationErrors errors) {
        if (selector == null) {
            errors.required(path, "");
            return;
        }
        LabelSelectorValidation.validate(selector, path, errors);
        if (selector.isEmpty()) {
            errors.invalid(path, null, "empty selector is invalid for " + kind);
        }
    }

    /**
     * A pod template: present, its labels matched by {@code selector} (when the selector is present, valid and not
     * empty: an invalid one is reported where it is), its labels and annotations well-formed, and its spec valid
     * ({@link PodSpecValidation}).
     *
     * @param template the template, may be {@code null}
     * @param selector the workload's selector, may be {@code null}
     * @param path     the template's path, such as {@code spec.template}
     * @param errors   where problems go
     */
    public static void template(PodTemplateSpec template, LabelSelector selector, FieldPath path,
                                ValidationErrors errors) {
        if (template == null) {
            errors.required(path, "");
            return;
        }
        FieldPath meta = path.child("metadata");
        var labels = template.metadata().labels();
        if (selector != null && !selector.isEmpty() && isValid(selector) && !selector.matches(labels)) {
            errors.invalid(meta.child("labels"), labels, "`selector` does not match template `labels`");
        }
        Checks.labels(labels, meta.child("labels"), errors);
        Checks.annotations(template.metadata().annotations(), meta.child("annotations"), errors);
        PodSpecValidation.validate(template.spec(), path.child("spec"), errors);
    }

    private static boolean isValid(LabelSelector selector) {
        return LabelSelectorValidation.validate(selector, FieldPath.root(), new ValidationErrors());
    }

    /**
     * The restart policy a controller of long-running pods needs: unset (which defaults to Always) or
     * {@code Always}; and no {@code activeDeadlineSeconds}.
     *
     * @param template the template, may be {@code null} (then nothing is checked)
     * @param kind     the kind as named in messages, such as {@code Deployment}
     * @param path     the template's path
     * @param errors   where problems go
     */
    public static void alwaysRestarts(PodTemplateSpec template, String kind, FieldPath path,
                                      ValidationErrors errors) {
        PodSpec spec = template == null ? null : template.spec();
        if (spec == null) {
            return;
        }
        FieldPath specPath = path.child("spec");
        if (spec.restartPolicy() != null && !PodSpec.RESTART_ALWAYS.equals(spec.restartPolicy())) {
            errors.add(FieldError.notSupported(specPath.child("restartPolicy"), spec.restartPolicy(),
                    List.of(PodSpec.RESTART_ALWAYS)));
        }
        if (spec.activeDeadlineSeconds() != null) {
            errors.invalid(specPath.child("activeDeadlineSeconds"), spec.activeDeadlineSeconds(),
                    "activeDeadlineSeconds in " + kind + " is not Supported");
        }
    }

    /**
     * A rollout bound: a non-negative integer or a percentage such as {@code 25%}; {@code null} passes.
     *
     * @return whether the value was valid
     */
    public static boolean intOrPercent(IntOrString value, FieldPath path, ValidationErrors errors) {
        if (value == null) {
            return true;
        }
        if (value.isInt()) {
            return Checks.nonNegative(value.intValue(), path, errors);
        }
        if (!PERCENT.matcher(value.stringValue()).matches()) {
            errors.invalid(path, value.stringValue(), "a valid percent string must be a numeric string followed by "
                    + "an ending '%' (e.g. '1%',  or '93%')");
            return false;
        }
        return true;
    }

    /** A percentage bound of at most 100%; integers and {@code null} pass. */
    public static void notMoreThan100Percent(IntOrString value, FieldPath path, ValidationErrors errors) {
        if (value != null && !value.isInt() && PERCENT.matcher(value.stringValue()).matches()
                && percent(value) > 100) {
            errors.invalid(path, value.stringValue(), "must not be greater than 100%");
        }
    }

    /** Whether a bound is zero ({@code 0} or {@code 0%}); malformed values count as zero, as in Kubernetes. */
    public static boolean isZero(IntOrString value) {
        if (value.isInt()) {
            return value.intValue() == 0;
        }
        return !PERCENT.matcher(value.stringValue()).matches() || percent(value) == 0;
    }

    private static long percent(IntOrString value) {
        String digits = value.stringValue().substring(0, value.stringValue().length() - 1);
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Validates a nested object with its kind's own validator, reporting its problems under {@code path}: for a
     * StatefulSet's {@code volumeClaimTemplates[0]}, a claim's {@code spec.resources} becomes
     * {@code spec.volumeClaimTemplates[0].spec.resources}.
     */
    public static <T> void nested(T object, Validator<T> validator, FieldPath path, ValidationErrors errors) {
        ValidationErrors inner = new ValidationErrors();
        validator.validate(object, inner);
        for (FieldError e : inner.list()) {
            FieldPath p = e.path().isRoot() ? path : FieldPath.of(path + "." + e.path());
            errors.add(new FieldError(p, e.type(), e.value(), e.detail()));
        }
    }
}
