package io.flotilla.api.batch;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation of {@link CronJob}: a name short enough for the Jobs made from it, the schedule and time zone, the
 * concurrency policy and history limits, and the job template (a Job spec whose selector is always generated).
 */
final class CronJobValidation {
    /** 63 (a DNS label) less the 11 characters of the suffix a scheduled Job's name gets. */
    private static final int MAX_NAME = 52;
    private static final Pattern ZONE_PART = Pattern.compile("[A-Za-z.\\-_0-9+]{1,14}");

    private CronJobValidation() {
    }

    static void validate(CronJob cronJob, ValidationErrors errors) {
        Checks.objectMeta(cronJob.metadata(), CronJob.TYPE.namespaced(), false, errors);
        String name = cronJob.metadata().name();
        if (name != null && name.length() > MAX_NAME) {
            errors.invalid(FieldPath.of("metadata").child("name"), name, "must be no more than 52 characters");
        }
        FieldPath path = FieldPath.of("spec");
        CronJobSpec spec = cronJob.spec();
        if (spec == null) {
            errors.required(path, "");
            return;
        }
        schedule(spec.schedule(), path.child("schedule"), errors);
        Checks.nonNegative(spec.startingDeadlineSeconds(), path.child("startingDeadlineSeconds"), errors);
        Checks.oneOf(spec.concurrencyPolicy(), CronJobSpec.CONCURRENCY_POLICIES, path.child("concurrencyPolicy"),
                errors);
        jobTemplate(spec.jobTemplate(), path.child("jobTemplate"), errors);
        Checks.nonNegative(spec.successfulJobsHistoryLimit(), path.child("successfulJobsHistoryLimit"), errors);
        Checks.nonNegative(spec.failedJobsHistoryLimit(), path.child("failedJobsHistoryLimit"), errors);
        timeZone(spec.timeZone(), path.child("timeZone"), errors);
    }

    private static void schedule(String schedule, FieldPath path, ValidationErrors errors) {
        if (schedule == null || schedule.isEmpty()) {
            errors.required(path, "");
        } else if (schedule.contains("TZ")) {
            errors.invalid(path, schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
        } else {
            try {
                CronSchedule.parse(schedule);
            } catch (IllegalArgumentException e) {
                errors.invalid(path, schedule, e.getMessage());
            }
        }
    }

    private static void timeZone(String zone, FieldPath path, ValidationErrors errors) {
        if (zone == null) {
            return;
        }
        if (zone.isEmpty()) {
            errors.invalid(path, zone, "timeZone must be nil or non-empty string");
            return;
        }
        if (zone.toLowerCase(Locale.ROOT).equals("local")) {
            errors.invalid(path, zone, "timeZone must be an explicit time zone as defined in "
                    + "https://www.iana.org/time-zones");
            return;
        }
        for (String part : zone.split("/", -1)) {
            if (part.equals(".") || part.equals("..") || part.startsWith("-") || !ZONE_PART.matcher(part).matches()) {
                errors.invalid(path, zone, "unknown time zone " + zone);
                return;
            }
        }
        if (!zone.equals("UTC") && !ZoneId.getAvailableZoneIds().contains(zone)) {
            errors.invalid(path, zone, "unknown time zone " + zone);
        }
    }

    private static void jobTemplate(JobTemplateSpec template, FieldPath path, ValidationErrors errors) {
        if (template == null || template.spec() == null) {
            errors.required(template == null ? path : path.child("spec"), "");
            return;
        }
        FieldPath meta = path.child("metadata");
        Checks.labels(template.metadata().labels(), meta.child("labels"), errors);
        Checks.annotations(template.metadata().annotations(), meta.child("annotations"), errors);
        FieldPath spec = path.child("spec");
        JobValidation.spec(template.spec(), spec, errors);
        if (template.spec().selector() != null) {
            errors.invalid(spec.child("selector"), template.spec().selector().toString(),
                    "`selector` will be auto-generated");
        }
        if (Boolean.TRUE.equals(template.spec().manualSelector())) {
            errors.add(FieldError.notSupported(spec.child("manualSelector"), true, List.of("nil", "false")));
        }
    }
}
