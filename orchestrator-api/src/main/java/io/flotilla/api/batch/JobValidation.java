package io.flotilla.api.batch;

import io.flotilla.api.apps.WorkloadChecks;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.LabelSelectorValidation;
import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import java.util.Map;

/**
 * Validation of {@link Job}: counts and deadlines, completion mode, the selector (generated unless
 * {@code manualSelector}), and the template, which must restart {@code OnFailure} or {@code Never}. The spec rules
 * are shared with a CronJob's job template.
 */
final class JobValidation {
    /** The label of a generated Job selector. */
    static final String CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";
    /** The older label of a generated Job selector. */
    static final String LEGACY_CONTROLLER_UID_LABEL = "controller-uid";
    private static final int MAX_INDEXED_PARALLELISM = 100_000;
    private static final List<String> RESTART_POLICIES = List.of(PodSpec.RESTART_ON_FAILURE, PodSpec.RESTART_NEVER);

    private JobValidation() {
    }

    static void validate(Job job, ValidationErrors errors) {
        Checks.objectMeta(job.metadata(), Job.TYPE.namespaced(), false, errors);
        FieldPath path = FieldPath.of("spec");
        JobSpec spec = job.spec();
        if (spec == null) {
            errors.required(path, "");
            return;
        }
        if (!Boolean.TRUE.equals(spec.manualSelector()) && spec.selector() != null
                && !isGenerated(spec.selector(), job.metadata().uid())) {
            errors.invalid(path.child("selector"), spec.selector().toString(), "`selector` not auto-generated");
        }
        spec(spec, path, errors);
        if (Boolean.TRUE.equals(spec.manualSelector()) && spec.selector() == null) {
            errors.required(path.child("selector"), "");
        }
    }

    /** Whether {@code selector} is the one the control plane generates for the Job with this uid. */
    private static boolean isGenerated(LabelSelector selector, String uid) {
        return uid != null && !selector.isEmpty()
                && selector.matches(Map.of(CONTROLLER_UID_LABEL, uid, LEGACY_CONTROLLER_UID_LABEL, uid));
    }

    /** The rules of a Job spec wherever it appears: a Job's {@code spec}, a CronJob's job template. */
    static void spec(JobSpec spec, FieldPath path, ValidationErrors errors) {
        Checks.nonNegative(spec.parallelism(), path.child("parallelism"), errors);
        Checks.nonNegative(spec.completions(), path.child("completions"), errors);
        Checks.positive(spec.activeDeadlineSeconds(), path.child("activeDeadlineSeconds"), errors);
        Checks.nonNegative(spec.backoffLimit(), path.child("backoffLimit"), errors);
        Checks.nonNegative(spec.ttlSecondsAfterFinished(), path.child("ttlSecondsAfterFinished"), errors);
        if (Checks.oneOf(spec.completionMode(), JobSpec.COMPLETION_MODES, path.child("completionMode"), errors)
                && JobSpec.INDEXED.equals(spec.completionMode())) {
            if (spec.completions() == null) {
                errors.required(path.child("completions"), "when completion mode is Indexed");
            }
            if (spec.parallelism() != null && spec.parallelism() > MAX_INDEXED_PARALLELISM) {
                errors.invalid(path.child("parallelism"), spec.parallelism(),
                        "must be less than or equal to " + MAX_INDEXED_PARALLELISM + " when completion mode is Indexed");
            }
        }
        LabelSelectorValidation.validate(spec.selector(), path.child("selector"), errors);
        FieldPath templatePath = path.child("template");
        WorkloadChecks.template(spec.template(), spec.selector(), templatePath, errors);
        restartPolicy(spec.template(), templatePath.child("spec").child("restartPolicy"), errors);
    }

    private static void restartPolicy(PodTemplateSpec template, FieldPath path, ValidationErrors errors) {
        PodSpec pod = template == null ? null : template.spec();
        if (pod == null) {
            return;
        }
        if (pod.restartPolicy() == null || pod.restartPolicy().isEmpty()) {
            errors.required(path, "valid values: \"OnFailure\", \"Never\"");
        } else if (!RESTART_POLICIES.contains(pod.restartPolicy())) {
            errors.add(FieldError.notSupported(path, pod.restartPolicy(), RESTART_POLICIES));
        }
    }
}
