package io.flotilla.core.controllers.cronjob;

import io.flotilla.api.batch.CronJob;
import io.flotilla.api.batch.CronJobSpec;
import io.flotilla.api.batch.CronJobStatus;
import io.flotilla.api.batch.CronSchedule;
import io.flotilla.api.batch.Job;
import io.flotilla.api.batch.JobCondition;
import io.flotilla.api.batch.JobTemplateSpec;
import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.ObjectReference;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.core.apiserver.DeleteOptions;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.informer.Indexers;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/*
 * Design notes: one pass of Kubernetes' syncCronJob. First the status is brought in line with the Jobs (finished
 * ones leave status.active; a Complete one sets lastSuccessfulTime), then — unless suspended — the most recent
 * schedule time not yet started (after lastScheduleTime, or creation) is found; if there is one and it is not too
 * late, the concurrency policy decides, and the Job of that time is created. Forbid with an active Job leaves
 * lastScheduleTime alone, so that the missed run starts when the active one ends (if still within
 * startingDeadlineSeconds), as in Kubernetes. Finished Jobs beyond the history limits are deleted, oldest first.
 * The result always asks to be reconciled again at the next schedule time.
 */

/** Reconciles one CronJob. Thread-safe: stateless besides the caches and the client. */
final class CronJobReconciler implements Reconciler {
    /** Kubernetes' nextScheduleDelta: requeue a little after the schedule time. */
    private static final Duration NEXT_DELTA = Duration.ofMillis(100);

    private final Client client;
    private final Lister<CronJob> cronJobs;
    private final Lister<Job> jobs;
    private final Clock clock;
    private final EventRecorder recorder;

    CronJobReconciler(Client client, Lister<CronJob> cronJobs, Lister<Job> jobs, Clock clock,
                      EventRecorder recorder) {
        this.client = Objects.requireNonNull(client, "client");
        this.cronJobs = Objects.requireNonNull(cronJobs, "cronJobs");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    @Override
    public Result reconcile(Request request) {
        CronJob cronJob = cronJobs.get(request.namespace(), request.name()).orElse(null);
        if (cronJob == null || cronJob.spec() == null || cronJob.metadata().isDeleting()) {
            return Result.done();
        }
        List<Job> owned = jobs.byIndex(Indexers.OWNER, cronJob.metadata().uid()).stream()
                .filter(j -> Objects.equals(j.metadata().namespace(), request.namespace())).toList();
        State state = new State(cronJob);
        state.trackChildren(owned);
        Result result = schedule(state);
        cleanUpHistory(cronJob, owned);
        state.write();
        return result;
    }

    /** Creates the Job of the most recent missed schedule time, if any and allowed. */
    private Result schedule(State state) {
        CronJob cronJob = state.cronJob;
        CronJobSpec spec = cronJob.spec();
        Timing timing = spec.isSuspended() ? null : timing(cronJob);
        if (timing == null) {
            return Result.done();
        }
        Instant now = clock.now();
        Instant earliest = state.lastScheduleTime != null ? state.lastScheduleTime
                : cronJob.metadata().creationTimestamp() != null ? cronJob.metadata().creationTimestamp() : now;
        if (spec.startingDeadlineSeconds() != null) {
            Instant horizon = now.minusSeconds(spec.startingDeadlineSeconds());
            earliest = horizon.isAfter(earliest) ? horizon : earliest;
        }
        ScheduleTimes times = ScheduleTimes.between(timing.schedule(), timing.zone(), earliest, now);
        if (times.missed() > ScheduleTimes.TOO_MANY) {
            recorder.warning(cronJob, "TooManyMissedTimes", "too many missed start times: %d. Set or decrease "
                    + ".spec.startingDeadlineSeconds or check clock skew", times.missed());
        }
        Instant scheduled = times.mostRecent();
        if (scheduled != null) {
            start(state, scheduled, timing.zone(), now);
        }
        return requeueAtNext(timing.schedule(), timing.zone(), now);
    }

    /** The schedule and its time zone, or {@code null} (with a warning event) if either is invalid. */
    private Timing timing(CronJob cronJob) {
        CronJobSpec spec = cronJob.spec();
        ZoneId zone;
        try {
            zone = spec.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(spec.timeZone());
        } catch (DateTimeException e) {
            recorder.warning(cronJob, "UnknownTimeZone", "invalid timeZone: %s", spec.timeZone());
            return null;
        }
        try {
            return new Timing(CronSchedule.parse(spec.schedule()), zone);
        } catch (IllegalArgumentException e) {
            recorder.warning(cronJob, "UnparseableSchedule", "unparseable schedule: %s : %s", spec.schedule(),
                    e.getMessage());
            return null;
        }
    }

    private record Timing(CronSchedule schedule, ZoneId zone) {
    }

    /** Starts the Job of {@code scheduled} unless it is too late or the concurrency policy forbids it. */
    private void start(State state, Instant scheduled, ZoneId zone, Instant now) {
        CronJob cronJob = state.cronJob;
        CronJobSpec spec = cronJob.spec();
        if (spec.startingDeadlineSeconds() != null
                && scheduled.plusSeconds(spec.startingDeadlineSeconds()).isBefore(now)) {
            recorder.warning(cronJob, "MissSchedule", "Missed scheduled time to start a job: %s",
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(scheduled.atZone(zone)));
            return;
        }
        String policy = spec.concurrencyPolicy() == null ? CronJobSpec.ALLOW : spec.concurrencyPolicy();
        if (CronJobSpec.FORBID.equals(policy) && !state.active.isEmpty()) {
            recorder.normal(cronJob, "JobAlreadyActive", "Not starting job because prior execution is running"
                    + " and concurrency policy is Forbid");
            return;
        }
        if (CronJobSpec.REPLACE.equals(policy)) {
            for (ObjectReference active : List.copyOf(state.active)) {
                deleteJob(cronJob, active.name());
                state.active.remove(active);
            }
        }
        Job job = createJob(cronJob, scheduled, zone);
        if (job != null) {
            state.lastScheduleTime = scheduled;
            if (job.status() == null || !job.status().isFinished()) {
                state.addActive(job);
            }
        }
    }

    private static Result requeueAtNext(CronSchedule schedule, ZoneId zone, Instant now) {
        return ScheduleTimes.next(schedule, zone, now)
                .map(t -> Result.requeueAfter(Duration.between(now, t).plus(NEXT_DELTA)))
                .orElse(Result.done());
    }

    /** Creates the Job of {@code scheduled}; an existing Job of that name that this CronJob owns counts as done. */
    private Job createJob(CronJob cronJob, Instant scheduled, ZoneId zone) {
        String name = jobName(cronJob, scheduled);
        JobTemplateSpec template = cronJob.spec().jobTemplate();
        ObjectMeta tm = template == null ? ObjectMeta.EMPTY : template.metadata();
        ObjectMeta meta = ObjectMeta.builder().name(name).namespace(cronJob.metadata().namespace())
                .labels(tm.labels()).annotations(tm.annotations())
                .annotation(CronJobController.SCHEDULED_TIMESTAMP_ANNOTATION,
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(scheduled.atZone(zone)))
                .ownerReference(OwnerReference.controlledBy(cronJob)).build();
        try {
            Job created = client.jobs().create(new Job(meta, template == null ? null : template.spec(), null));
            recorder.normal(cronJob, "SuccessfulCreate", "Created job %s", name);
            return created;
        } catch (StoreException.AlreadyExists exists) {
            return client.jobs().inNamespace(cronJob.metadata().namespace()).get(name)
                    .filter(j -> j.metadata().controllerReference()
                            .map(r -> Objects.equals(r.uid(), cronJob.metadata().uid())).orElse(false))
                    .orElse(null);
        }
    }

    /** Kubernetes' job name: the CronJob's name and the scheduled time in minutes since the epoch. */
    static String jobName(CronJob cronJob, Instant scheduled) {
        return cronJob.metadata().name() + "-" + scheduled.getEpochSecond() / 60;
    }

    private void deleteJob(CronJob cronJob, String name) {
        try {
            client.jobs().inNamespace(cronJob.metadata().namespace()).delete(name, DeleteOptions.background());
            recorder.normal(cronJob, "SuccessfulDelete", "Deleted job %s", name);
        } catch (StoreException.NotFound gone) {
            // already gone
        }
    }

    /** Deletes the oldest finished Jobs beyond the successful and failed job history limits. */
    private void cleanUpHistory(CronJob cronJob, List<Job> owned) {
        CronJobSpec spec = cronJob.spec();
        prune(cronJob, owned, JobCondition.COMPLETE, spec.successfulJobsHistoryLimit());
        prune(cronJob, owned, JobCondition.FAILED, spec.failedJobsHistoryLimit());
    }

    private void prune(CronJob cronJob, List<Job> owned, String outcome, Integer limit) {
        if (limit == null) {
            return;
        }
        List<Job> finished = new ArrayList<>(owned.stream().filter(j -> !j.metadata().isDeleting())
                .filter(j -> j.status() != null && j.status().condition(outcome).map(JobCondition::isTrue)
                        .orElse(false)).toList());
        finished.sort(Comparator.comparing(CronJobReconciler::startTime));
        for (int i = 0; i < finished.size() - limit; i++) {
            deleteJob(cronJob, finished.get(i).metadata().name());
        }
    }

    private static Instant startTime(Job job) {
        Instant start = job.status() == null ? null : job.status().startTime();
        return start != null ? start : Optional.ofNullable(job.metadata().creationTimestamp()).orElse(Instant.MIN);
    }

    /** The status being computed in one pass, written at its end if it changed. */
    private final class State {
        final CronJob cronJob;
        final List<ObjectReference> active;
        Instant lastScheduleTime;
        Instant lastSuccessfulTime;

        State(CronJob cronJob) {
            this.cronJob = cronJob;
            CronJobStatus status = cronJob.status();
            this.active = new ArrayList<>(status == null ? List.of() : status.active());
            this.lastScheduleTime = status == null ? null : status.lastScheduleTime();
            this.lastSuccessfulTime = status == null ? null : status.lastSuccessfulTime();
        }

        /** Brings {@code active} in line with the Jobs: finished and vanished Jobs leave it, running ones join. */
        void trackChildren(List<Job> owned) {
            for (Job job : owned) {
                boolean listed = active.stream().anyMatch(r -> Objects.equals(r.uid(), job.metadata().uid()));
                boolean finished = job.status() != null && job.status().isFinished();
                if (!listed && !finished && !job.metadata().isDeleting()) {
                    addActive(job);
                } else if (listed && finished) {
                    active.removeIf(r -> Objects.equals(r.uid(), job.metadata().uid()));
                    recorder.normal(cronJob, "SawCompletedJob", "Saw completed job: %s, condition: %s",
                            job.metadata().name(), job.status().condition(JobCondition.COMPLETE)
                                    .filter(JobCondition::isTrue).isPresent() ? "Complete" : "Failed");
                }
                if (finished && job.status().condition(JobCondition.COMPLETE).filter(JobCondition::isTrue)
                        .isPresent()) {
                    Instant done = job.status().completionTime();
                    if (done != null && (lastSuccessfulTime == null || done.isAfter(lastSuccessfulTime))) {
                        lastSuccessfulTime = done;
                    }
                }
            }
            active.removeIf(ref -> {
                boolean gone = owned.stream().noneMatch(j -> Objects.equals(j.metadata().uid(), ref.uid()))
                        && client.jobs().inNamespace(cronJob.metadata().namespace()).get(ref.name())
                        .filter(j -> Objects.equals(j.metadata().uid(), ref.uid())).isEmpty();
                if (gone) {
                    recorder.normal(cronJob, "MissingJob", "Active job went missing: %s", ref.name());
                }
                return gone;
            });
        }

        void addActive(Job job) {
            if (active.stream().anyMatch(r -> Objects.equals(r.uid(), job.metadata().uid()))) {
                return;
            }
            ObjectReference ref = ObjectReference.to(job);
            active.add(new ObjectReference(ref.kind(), ref.namespace(), ref.name(), ref.uid(), ref.apiVersion(),
                    null, null));
        }

        void write() {
            CronJobStatus status = new CronJobStatus(active, lastScheduleTime, lastSuccessfulTime);
            if (status.equals(cronJob.status())) {
                return;
            }
            try {
                client.cronJobs().inNamespace(cronJob.metadata().namespace())
                        .updateStatus(cronJob.metadata().name(), c -> c.withStatus(status));
            } catch (StoreException.NotFound gone) {
                // deleted meanwhile
            }
        }
    }
}
