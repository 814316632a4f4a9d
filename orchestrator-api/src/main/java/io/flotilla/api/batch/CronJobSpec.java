package io.flotilla.api.batch;

import java.util.List;

/**
 * The desired state of a {@link CronJob}. Immutable; {@code null} components are unset ({@code Allow}, not
 * suspended, 3 successful and 1 failed Job kept, the control plane's time zone).
 *
 * @param schedule                   when to run, in cron syntax; see {@link CronSchedule}
 * @param timeZone                   the IANA time zone of the schedule, such as {@code Europe/Paris}
 * @param startingDeadlineSeconds    how late a missed run may still start
 * @param concurrencyPolicy          {@code Allow}, {@code Forbid} or {@code Replace} a still-running Job
 * @param suspend                    whether new runs are suspended
 * @param jobTemplate                the Job to create at each run
 * @param successfulJobsHistoryLimit finished successful Jobs kept
 * @param failedJobsHistoryLimit     finished failed Jobs kept
 */
public record CronJobSpec(String schedule, String timeZone, Long startingDeadlineSeconds, String concurrencyPolicy,
                          Boolean suspend, JobTemplateSpec jobTemplate, Integer successfulJobsHistoryLimit,
                          Integer failedJobsHistoryLimit) {

    /** Run Jobs concurrently (the default). */
    public static final String ALLOW = "Allow";
    /** Skip a run while the previous Job is still running. */
    public static final String FORBID = "Forbid";
    /** Replace the running Job with the new one. */
    public static final String REPLACE = "Replace";
    /** The supported concurrency policies. */
    public static final List<String> CONCURRENCY_POLICIES = List.of(ALLOW, FORBID, REPLACE);

    /** Whether new runs are suspended. */
    public boolean isSuspended() {
        return Boolean.TRUE.equals(suspend);
    }
}
