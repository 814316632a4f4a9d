package io.flotilla.core.controllers.cronjob;

import static io.flotilla.core.controllers.harness.ControllerHarness.NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.batch.CronJob;
import io.flotilla.api.batch.CronJobSpec;
import io.flotilla.api.batch.CronJobStatus;
import io.flotilla.api.batch.Job;
import io.flotilla.api.batch.JobCondition;
import io.flotilla.api.batch.JobStatus;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.ObjectReference;
import io.flotilla.core.controllers.harness.ControllerHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CronJobReconcilerTest {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private final ControllerHarness h = new ControllerHarness(CronJob.TYPE, Job.TYPE);
    private final CronJobReconciler reconciler = new CronJobReconciler(h.client, h.lister(CronJob.TYPE),
            h.lister(Job.TYPE), h.clock, h.recorder);

    @AfterEach
    void close() {
        h.close();
    }

    private static CronJob.Builder backup(String schedule) {
        return CronJob.named("backup").namespace(NS).schedule(schedule)
                .job(j -> j.container("dump", c -> c.image("busybox:1.36")));
    }

    private Result reconcile() {
        h.settle();
        Result result = reconciler.reconcile(Request.of(NS, "backup"));
        h.settle();
        return result;
    }

    /** Reconciles at every requeue time the reconciler asks for, up to {@code end}, and once more at it. */
    private void runUntil(Instant end) {
        while (true) {
            Result result = reconcile();
            Instant next = result instanceof Result.RequeueAfter after ? h.clock.now().plus(after.delay()) : end;
            if (!next.isBefore(end)) {
                h.clock.advanceTo(end);
                break;
            }
            h.clock.advanceTo(next);
        }
        reconcile();
    }

    private static String jobAt(String time) {
        return "backup-" + Instant.parse(time).getEpochSecond() / 60;
    }

    private List<String> jobNames() {
        return h.client.jobs().inNamespace(NS).list().stream().filter(j -> !j.metadata().isDeleting())
                .sorted((a, b) -> a.metadata().creationTimestamp().compareTo(b.metadata().creationTimestamp()))
                .map(j -> j.metadata().name()).toList();
    }

    private CronJobStatus status() {
        return h.client.cronJobs().inNamespace(NS).get("backup").orElseThrow().status();
    }

    private void finish(String job, String condition) {
        Instant now = h.clock.now();
        h.client.jobs().inNamespace(NS).updateStatus(job, j -> j.withStatus(new JobStatus(
                List.of(new JobCondition(condition, "True", now, now, null, null)), now,
                JobCondition.COMPLETE.equals(condition) ? now : null, 0,
                JobCondition.COMPLETE.equals(condition) ? 1 : 0, JobCondition.FAILED.equals(condition) ? 1 : 0,
                null, 0)));
    }

    @Test
    void allowFiresAtEveryScheduleTimeAcrossADay() {
        h.client.cronJobs().create(backup("0 */6 * * *").build());

        runUntil(START.plus(Duration.ofDays(1)).plusSeconds(1));

        assertThat(jobNames()).containsExactly(jobAt("2025-01-01T06:00:00Z"), jobAt("2025-01-01T12:00:00Z"),
                jobAt("2025-01-01T18:00:00Z"), jobAt("2025-01-02T00:00:00Z"));
        CronJobStatus status = status();
        assertThat(status.active()).extracting(ObjectReference::name).hasSize(4);
        assertThat(status.lastScheduleTime()).isEqualTo(Instant.parse("2025-01-02T00:00:00Z"));
        Job job = h.client.jobs().inNamespace(NS).get(jobAt("2025-01-01T06:00:00Z")).orElseThrow();
        assertThat(job.metadata().annotations()).containsEntry(CronJobController.SCHEDULED_TIMESTAMP_ANNOTATION,
                "2025-01-01T06:00:00Z");
        assertThat(job.metadata().controllerReference()).hasValueSatisfying(r -> assertThat(r.name())
                .isEqualTo("backup"));
        assertThat(job.spec().template().spec().containers()).hasSize(1);
    }

    @Test
    void hourlyAcrossADayWithHistoryLimits() {
        h.client.cronJobs().create(backup("@hourly").successfulJobsHistoryLimit(3).build());
        List<String> created = new ArrayList<>();
        for (int hour = 0; hour <= 24; hour++) {
            Result result = reconcile();
            for (String name : jobNames()) {
                Job job = h.client.jobs().inNamespace(NS).get(name).orElseThrow();
                if (job.status() == null || !job.status().isFinished()) {
                    created.add(name);
                    finish(name, JobCondition.COMPLETE);
                }
            }
            if (hour < 24) {
                h.clock.advance(((Result.RequeueAfter) result).delay());
            }
        }
        reconcile();

        assertThat(created).hasSize(24).first().isEqualTo(jobAt("2025-01-01T01:00:00Z"));
        assertThat(created).last().isEqualTo(jobAt("2025-01-02T00:00:00Z"));
        assertThat(jobNames()).as("only the 3 newest successful jobs are kept").containsExactly(
                jobAt("2025-01-01T22:00:00Z"), jobAt("2025-01-01T23:00:00Z"), jobAt("2025-01-02T00:00:00Z"));
        assertThat(status().active()).isEmpty();
        assertThat(status().lastSuccessfulTime()).isNotNull();
        assertThat(h.eventReasons()).contains("SawCompletedJob", "SuccessfulDelete");
    }

    @Test
    void forbidSkipsWhileAJobRunsThenStartsTheMissedRun() {
        h.client.cronJobs().create(backup("0 */6 * * *").concurrencyPolicy(CronJobSpec.FORBID).build());
        runUntil(Instant.parse("2025-01-01T12:30:00Z"));
        assertThat(jobNames()).as("12:00 is forbidden while 06:00 runs")
                .containsExactly(jobAt("2025-01-01T06:00:00Z"));
        assertThat(h.eventReasons()).contains("JobAlreadyActive");

        finish(jobAt("2025-01-01T06:00:00Z"), JobCondition.COMPLETE);
        reconcile();
        assertThat(jobNames()).as("the missed 12:00 run starts once 06:00 is done")
                .containsExactly(jobAt("2025-01-01T06:00:00Z"), jobAt("2025-01-01T12:00:00Z"));

        runUntil(START.plus(Duration.ofDays(1)).plusSeconds(1));
        assertThat(jobNames()).hasSize(2);
        assertThat(status().active()).extracting(ObjectReference::name)
                .containsExactly(jobAt("2025-01-01T12:00:00Z"));
    }

    @Test
    void forbidWithAStartingDeadlineDropsTheMissedRun() {
        h.client.cronJobs().create(backup("0 */6 * * *").concurrencyPolicy(CronJobSpec.FORBID)
                .startingDeadlineSeconds(600L).build());
        runUntil(Instant.parse("2025-01-01T12:30:00Z"));
        finish(jobAt("2025-01-01T06:00:00Z"), JobCondition.COMPLETE);
        reconcile();
        assertThat(jobNames()).containsExactly(jobAt("2025-01-01T06:00:00Z"));

        runUntil(Instant.parse("2025-01-01T18:00:01Z"));
        assertThat(jobNames()).containsExactly(jobAt("2025-01-01T06:00:00Z"), jobAt("2025-01-01T18:00:00Z"));
    }

    @Test
    void replaceDeletesTheRunningJobForTheNewOne() {
        h.client.cronJobs().create(backup("0 */6 * * *").concurrencyPolicy(CronJobSpec.REPLACE).build());

        runUntil(START.plus(Duration.ofDays(1)).plusSeconds(1));

        assertThat(jobNames()).containsExactly(jobAt("2025-01-02T00:00:00Z"));
        assertThat(status().active()).extracting(ObjectReference::name)
                .containsExactly(jobAt("2025-01-02T00:00:00Z"));
        assertThat(h.eventReasons().stream().filter("SuccessfulDelete"::equals)).hasSize(3);
    }

    @Test
    void suspendStopsSchedulingAndResumingStartsOnlyTheMostRecentMissedRun() {
        h.client.cronJobs().create(backup("0 * * * *").suspend(true).build());
        runUntil(Instant.parse("2025-01-01T05:30:00Z"));
        assertThat(jobNames()).isEmpty();

        edit(c -> c.suspend(false));
        reconcile();
        assertThat(jobNames()).containsExactly(jobAt("2025-01-01T05:00:00Z"));
    }

    @Test
    void tooManyMissedStartTimesIsReported() {
        h.client.cronJobs().create(backup("* * * * *").build());
        h.clock.advance(Duration.ofHours(3));
        reconcile();
        assertThat(jobNames()).containsExactly(jobAt("2025-01-01T03:00:00Z"));
        assertThat(h.eventReasons()).contains("TooManyMissedTimes");
    }

    @Test
    void scheduleRunsInTheCronJobsTimeZone() {
        h.client.cronJobs().create(backup("0 9 * * *").timeZone("Europe/Berlin").build());
        runUntil(Instant.parse("2025-01-01T08:00:01Z"));
        assertThat(jobNames()).containsExactly(jobAt("2025-01-01T08:00:00Z"));
        assertThat(h.client.jobs().inNamespace(NS).get(jobAt("2025-01-01T08:00:00Z")).orElseThrow().metadata()
                .annotations()).containsEntry(CronJobController.SCHEDULED_TIMESTAMP_ANNOTATION,
                "2025-01-01T09:00:00+01:00");
    }

    @Test
    void creationIsIdempotent() {
        h.client.cronJobs().create(backup("0 * * * *").build());
        h.clock.advance(Duration.ofMinutes(61));
        reconcile();
        h.client.cronJobs().inNamespace(NS).updateStatus("backup", c -> c.withStatus(null));
        reconcile();
        assertThat(jobNames()).containsExactly(jobAt("2025-01-01T01:00:00Z"));
        assertThat(status().active()).hasSize(1);
    }

    private void edit(UnaryOperator<CronJob.Builder> change) {
        h.client.cronJobs().update(NS, "backup", c -> change.apply(c.toBuilder()).build());
    }
}
