package io.flotilla.api.batch;

import io.flotilla.api.core.ObjectReference;
import io.flotilla.api.internal.Immutables;
import java.time.Instant;
import java.util.List;

/**
 * The observed state of a {@link CronJob}. Immutable; times are {@code null} until observed, the list is never
 * {@code null}.
 *
 * @param active             the Jobs still running
 * @param lastScheduleTime   when a Job was last scheduled
 * @param lastSuccessfulTime when a Job last completed successfully
 */
public record CronJobStatus(List<ObjectReference> active, Instant lastScheduleTime, Instant lastSuccessfulTime) {

    /** Normalises the list. */
    public CronJobStatus {
        active = Immutables.list(active);
    }
}
