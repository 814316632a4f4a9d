package io.flotilla.api.batch;

import java.time.Instant;

/**
 * One condition of a {@link JobStatus}, such as {@code Complete} or {@code Failed}. Immutable; every component may
 * be {@code null}.
 *
 * @param type               the condition type
 * @param status             {@code True}, {@code False} or {@code Unknown}
 * @param lastProbeTime      when the condition was last checked
 * @param lastTransitionTime when the status last changed
 * @param reason             a one-word CamelCase reason, such as {@code BackoffLimitExceeded}
 * @param message            a human-readable explanation
 */
public record JobCondition(String type, String status, Instant lastProbeTime, Instant lastTransitionTime,
                           String reason, String message) {

    /** The Job finished successfully. */
    public static final String COMPLETE = "Complete";
    /** The Job failed (too many retries, or past its deadline). */
    public static final String FAILED = "Failed";
    /** The Job is suspended. */
    public static final String SUSPENDED = "Suspended";

    /** Whether the status is {@code True}. */
    public boolean isTrue() {
        return "True".equals(status);
    }
}
