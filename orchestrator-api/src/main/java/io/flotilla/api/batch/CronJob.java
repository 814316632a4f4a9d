package io.flotilla.api.batch;

import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.ResourceBuilder;
import io.flotilla.api.meta.ResourceType;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Creates a {@link Job} on a cron schedule.
 *
 * <pre>{@code
 * CronJob report = CronJob.named("nightly-report")
 *     .schedule("30 2 * * *")
 *     .timeZone("Europe/Paris")
 *     .concurrencyPolicy(CronJobSpec.FORBID)
 *     .job(j -> j.container("report", c -> c.image("report:1.4")).backoffLimit(1))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #status()} is {@code null} until observed.
 *
 * @param metadata standard metadata
 * @param spec     the desired state
 * @param status   the observed state
 */
public record CronJob(ObjectMeta metadata, CronJobSpec spec, CronJobStatus status)
        implements HasStatus<CronJobStatus> {

    /** The {@code batch/v1/CronJob} kind. */
    public static final ResourceType<CronJob> TYPE =
            new ResourceType<>(CronJob.class, "batch/v1", "CronJob", "cronjobs", true, CronJobValidation::validate);

    /** Normalises absent metadata. */
    public CronJob {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    }

    /** A builder for a CronJob named {@code name}. */
    public static Builder named(String name) {
        return new Builder(ObjectMeta.named(name));
    }

    /** A builder holding this CronJob's metadata and spec (not its status). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public ResourceType<CronJob> type() {
        return TYPE;
    }

    @Override
    public CronJob withMetadata(ObjectMeta metadata) {
        return new CronJob(metadata, spec, status);
    }

    @Override
    public CronJob withStatus(CronJobStatus status) {
        return new CronJob(metadata, spec, status);
    }

    /** A copy with another spec. */
    public CronJob withSpec(CronJobSpec spec) {
        return new CronJob(metadata, spec, status);
    }

    /** Fluent builder of {@link CronJob}. Not thread-safe. */
    public static final class Builder extends ResourceBuilder<Builder, CronJob> {
        private String schedule;
        private String timeZone;
        private Long startingDeadlineSeconds;
        private String concurrencyPolicy;
        private Boolean suspend;
        private JobTemplateSpec jobTemplate;
        private Integer successfulJobsHistoryLimit;
        private Integer failedJobsHistoryLimit;

        private Builder(ObjectMeta metadata) {
            super(metadata);
        }

        private Builder(CronJob cronJob) {
            super(cronJob.metadata());
            CronJobSpec s = cronJob.spec();
            if (s != null) {
                schedule = s.schedule();
                timeZone = s.timeZone();
                startingDeadlineSeconds = s.startingDeadlineSeconds();
                concurrencyPolicy = s.concurrencyPolicy();
                suspend = s.suspend();
                jobTemplate = s.jobTemplate();
                successfulJobsHistoryLimit = s.successfulJobsHistoryLimit();
                failedJobsHistoryLimit = s.failedJobsHistoryLimit();
            }
        }

        /** Sets the schedule in cron syntax, such as {@code "*}{@code /5 * * * *"} or {@code "@daily"}. */
        public Builder schedule(String schedule) {
            this.schedule = schedule;
            return this;
        }

        /** Sets the schedule's IANA time zone, such as {@code Europe/Paris}. */
        public Builder timeZone(String timeZone) {
            this.timeZone = timeZone;
            return this;
        }

        /** Sets how late a missed run may still start. */
        public Builder startingDeadlineSeconds(Long seconds) {
            this.startingDeadlineSeconds = seconds;
            return this;
        }

        /** Sets what happens when a run is due while a Job still runs: {@link CronJobSpec#ALLOW}, ... */
        public Builder concurrencyPolicy(String policy) {
            this.concurrencyPolicy = policy;
            return this;
        }

        /** Suspends or resumes new runs. */
        public Builder suspend(Boolean suspend) {
            this.suspend = suspend;
            return this;
        }

        /** Sets how many successful Jobs are kept. */
        public Builder successfulJobsHistoryLimit(Integer limit) {
            this.successfulJobsHistoryLimit = limit;
            return this;
        }

        /** Sets how many failed Jobs are kept. */
        public Builder failedJobsHistoryLimit(Integer limit) {
            this.failedJobsHistoryLimit = limit;
            return this;
        }

        /**
         * Edits the Job template with a {@link Job.Builder}: its labels, annotations and spec become the template's
         * (its name does not). The Job builder's conveniences apply, so the pods are labelled {@code app: <name>}
         * (this CronJob's name) and restart {@code Never} unless set otherwise.
         */
        public Builder job(Consumer<Job.Builder> edit) {
            Objects.requireNonNull(edit, "edit");
            String name = metadata().name();
            Job.Builder job = jobTemplate == null ? Job.named(name)
                    : new Job(jobTemplate.metadata().withName(name), jobTemplate.spec(), null).toBuilder();
            edit.accept(job);
            Job built = job.build();
            jobTemplate = new JobTemplateSpec(built.metadata().withName(null), built.spec());
            return this;
        }

        /** Sets the Job template. */
        public Builder jobTemplate(JobTemplateSpec template) {
            this.jobTemplate = template;
            return this;
        }

        @Override
        public CronJob build() {
            return new CronJob(metadata(), new CronJobSpec(schedule, timeZone, startingDeadlineSeconds,
                    concurrencyPolicy, suspend, jobTemplate, successfulJobsHistoryLimit, failedJobsHistoryLimit), null);
        }
    }
}
