/**
 * The {@code batch/v1} kinds: {@link io.flotilla.api.batch.Job}, which runs pods to completion, and
 * {@link io.flotilla.api.batch.CronJob}, which creates Jobs on a cron schedule ({@link io.flotilla.api.batch.CronSchedule}
 * parses the schedule). Records are immutable and thread-safe; builders are mutable and confined to one thread.
 */
package io.flotilla.api.batch;
