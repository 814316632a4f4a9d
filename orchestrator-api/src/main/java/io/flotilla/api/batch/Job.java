package io.flotilla.api.batch;

import io.flotilla.api.apps.WorkloadBuilder;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.ResourceType;

/**
 * Runs pods until a number of them succeed, retrying failures up to a limit.
 *
 * <pre>{@code
 * Job migrate = Job.named("migrate")
 *     .container("migrate", c -> c.image("flyway/flyway:10").args("migrate"))
 *     .backoffLimit(2)
 *     .build();
 * }</pre>
 *
 * <p>The control plane generates the selector of a Job (unless {@code manualSelector} is true), so the builder
 * leaves it unset. Unlike the other workload builders, the Job builder also sets the template's
 * {@code restartPolicy} to {@code Never} when none is set: a Job needs {@code OnFailure} or {@code Never}, and a
 * YAML author must write one.
 *
 * <p>Immutable and thread-safe. {@link #status()} is {@code null} until observed.
 *
 * @param metadata standard metadata
 * @param spec     the desired state
 * @param status   the observed state
 */
public record Job(ObjectMeta metadata, JobSpec spec, JobStatus status) implements HasStatus<JobStatus> {

    /** The {@code batch/v1/Job} kind. */
    public static final ResourceType<Job> TYPE =
            new ResourceType<>(Job.class, "batch/v1", "Job", "jobs", true, JobValidation::validate);

    /** Normalises absent metadata. */
    public Job {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    }

    /** A builder for a Job named {@code name}. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** A builder holding this Job's metadata and spec (not its status). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public ResourceType<Job> type() {
        return TYPE;
    }

    @Override
    public Job withMetadata(ObjectMeta metadata) {
        return new Job(metadata, spec, status);
    }

    @Override
    public Job withStatus(JobStatus status) {
        return new Job(metadata, spec, status);
    }

    /** A copy with another spec. */
    public Job withSpec(JobSpec spec) {
        return new Job(metadata, spec, status);
    }

    /**
     * Fluent builder of {@link Job}; the pod template methods come from {@link WorkloadBuilder}. Not thread-safe.
     */
    public static final class Builder extends WorkloadBuilder<Builder, Job> {
        private Integer parallelism;
        private Integer completions;
        private Long activeDeadlineSeconds;
        private Integer backoffLimit;
        private Boolean manualSelector;
        private Integer ttlSecondsAfterFinished;
        private String completionMode;
        private Boolean suspend;

        private Builder(String name) {
            super(name);
        }

        private Builder(Job job) {
            super(job.metadata(), job.spec() == null ? null : job.spec().template(),
                    job.spec() == null ? null : job.spec().selector());
            JobSpec s = job.spec();
            if (s != null) {
                parallelism = s.parallelism();
                completions = s.completions();
                activeDeadlineSeconds = s.activeDeadlineSeconds();
                backoffLimit = s.backoffLimit();
                manualSelector = s.manualSelector();
                ttlSecondsAfterFinished = s.ttlSecondsAfterFinished();
                completionMode = s.completionMode();
                suspend = s.suspend();
            }
        }

        /** Sets how many pods run at once. */
        public Builder parallelism(Integer parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        /** Sets how many pods must succeed. */
        public Builder completions(Integer completions) {
            this.completions = completions;
            return this;
        }

        /** Sets how long the Job may run before it fails. */
        public Builder activeDeadlineSeconds(Long seconds) {
            this.activeDeadlineSeconds = seconds;
            return this;
        }

        /** Sets how many retries are allowed before the Job fails. */
        public Builder backoffLimit(Integer limit) {
            this.backoffLimit = limit;
            return this;
        }

        /** Declares that {@code selector(...)} is set by hand rather than generated. */
        public Builder manualSelector(Boolean manual) {
            this.manualSelector = manual;
            return this;
        }

        /** Sets how long the finished Job is kept before it is deleted. */
        public Builder ttlSecondsAfterFinished(Integer seconds) {
            this.ttlSecondsAfterFinished = seconds;
            return this;
        }

        /** Sets {@code completionMode}: {@link JobSpec#NON_INDEXED} or {@link JobSpec#INDEXED}. */
        public Builder completionMode(String mode) {
            this.completionMode = mode;
            return this;
        }

        /** An Indexed Job of {@code completions} indexes: each pod gets {@code JOB_COMPLETION_INDEX}. */
        public Builder indexed(int completions) {
            return completionMode(JobSpec.INDEXED).completions(completions);
        }

        /** Suspends or resumes the Job. */
        public Builder suspend(Boolean suspend) {
            this.suspend = suspend;
            return this;
        }

        @Override
        public Job build() {
            return new Job(metadata(), spec(), null);
        }

        private JobSpec spec() {
            PodTemplateSpec template = template();
            PodSpec pod = template.spec();
            if (pod != null && pod.restartPolicy() == null) {
                template = template.withSpec(pod.toBuilder().restartPolicy(PodSpec.RESTART_NEVER).build());
            }
            return new JobSpec(parallelism, completions, activeDeadlineSeconds, backoffLimit, explicitSelector(),
                    manualSelector, template, ttlSecondsAfterFinished, completionMode, suspend);
        }
    }
}
