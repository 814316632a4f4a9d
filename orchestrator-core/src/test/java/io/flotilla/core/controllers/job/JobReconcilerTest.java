package io.flotilla.core.controllers.job;

import static io.flotilla.core.controllers.harness.ControllerHarness.NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.batch.Job;
import io.flotilla.api.batch.JobCondition;
import io.flotilla.api.batch.JobStatus;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.EnvVar;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.core.controllers.harness.ControllerHarness;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobReconcilerTest {
    private final ControllerHarness h = new ControllerHarness(Job.TYPE, Pod.TYPE);
    private final JobReconciler reconciler = new JobReconciler(h.client, h.lister(Job.TYPE), h.lister(Pod.TYPE),
            h.clock, h.recorder);

    @AfterEach
    void close() {
        h.close();
    }

    private static Job.Builder pi() {
        return Job.named("pi").namespace(NS).container("pi", c -> c.image("perl:5.40"));
    }

    private Result reconcile() {
        h.settle();
        Result result = reconciler.reconcile(Request.of(NS, "pi"));
        h.settle();
        return result;
    }

    /** The pods not being deleted, oldest first. */
    private List<Pod> pods() {
        return h.client.pods().inNamespace(NS).list().stream().filter(p -> !p.metadata().isDeleting())
                .sorted(Comparator.comparing((Pod p) -> p.metadata().creationTimestamp())
                        .thenComparing(p -> p.metadata().name()))
                .toList();
    }

    private List<Pod> running() {
        return pods().stream().filter(p -> !p.isTerminal()).toList();
    }

    private JobStatus status() {
        return h.client.jobs().inNamespace(NS).get("pi").orElseThrow().status();
    }

    private void finish(Pod pod, String phase) {
        h.finished(pod.metadata().name(), phase);
    }

    @Test
    void runsToCompletionsWithParallelism() {
        h.client.jobs().create(pi().completions(3).parallelism(2).build());
        reconcile();
        assertThat(running()).hasSize(2).allSatisfy(p -> {
            assertThat(p.metadata().name()).startsWith("pi-");
            assertThat(p.metadata().labels()).containsKey("batch.kubernetes.io/controller-uid");
            assertThat(p.metadata().controllerReference()).isPresent();
        });
        assertThat(status().active()).isEqualTo(2);
        assertThat(status().startTime()).isEqualTo(h.clock.now());

        finish(running().get(0), PodStatus.SUCCEEDED);
        reconcile();
        assertThat(running()).as("2 more completions needed, parallelism 2").hasSize(2);
        finish(running().get(0), PodStatus.SUCCEEDED);
        reconcile();
        assertThat(running()).as("1 more completion needed").hasSize(1);
        h.clock.advance(Duration.ofSeconds(5));
        finish(running().get(0), PodStatus.SUCCEEDED);
        reconcile();

        JobStatus status = status();
        assertThat(status.succeeded()).isEqualTo(3);
        assertThat(status.active()).isZero();
        assertThat(status.condition(JobCondition.COMPLETE)).hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
        assertThat(status.completionTime()).isEqualTo(h.clock.now());
        assertThat(pods()).hasSize(3);
        reconcile();
        assertThat(pods()).as("a finished job creates nothing more").hasSize(3);
    }

    @Test
    void failedPodsAreRecreatedWithExponentialBackoffUntilTheBackoffLimit() {
        h.client.jobs().create(pi().backoffLimit(2).build());
        reconcile();
        finish(running().get(0), PodStatus.FAILED);

        assertThat(reconcile()).isEqualTo(Result.requeueAfter(Duration.ofSeconds(10)));
        assertThat(running()).isEmpty();
        h.clock.advance(Duration.ofSeconds(9));
        reconcile();
        assertThat(running()).as("still backing off").isEmpty();
        h.clock.advance(Duration.ofSeconds(1));
        reconcile();
        assertThat(running()).hasSize(1);

        finish(running().get(0), PodStatus.FAILED);
        assertThat(reconcile()).isEqualTo(Result.requeueAfter(Duration.ofSeconds(20)));
        h.clock.advance(Duration.ofSeconds(20));
        reconcile();
        assertThat(running()).hasSize(1);
        assertThat(status().failed()).isEqualTo(2);

        finish(running().get(0), PodStatus.FAILED);
        reconcile();
        JobStatus status = status();
        assertThat(status.failed()).isEqualTo(3);
        assertThat(status.condition(JobCondition.FAILED)).hasValueSatisfying(c -> {
            assertThat(c.isTrue()).isTrue();
            assertThat(c.reason()).isEqualTo("BackoffLimitExceeded");
        });
        h.clock.advance(Duration.ofMinutes(10));
        reconcile();
        assertThat(running()).isEmpty();
    }

    @Test
    void backoffIsCappedAtSixMinutes() {
        h.client.jobs().create(pi().backoffLimit(20).build());
        reconcile();
        Result last = null;
        for (int i = 0; i < 8; i++) {
            finish(running().get(0), PodStatus.FAILED);
            last = reconcile();
            h.clock.advance(((Result.RequeueAfter) last).delay());
            reconcile();
        }
        assertThat(last).isEqualTo(Result.requeueAfter(Duration.ofMinutes(6)));
    }

    @Test
    void activeDeadlineFailsTheJobAndStopsItsPods() {
        h.client.jobs().create(pi().activeDeadlineSeconds(60L).build());
        assertThat(reconcile()).isEqualTo(Result.requeueAfter(Duration.ofSeconds(60)));
        h.runningReady(running().get(0).metadata().name());
        reconcile();
        assertThat(status().ready()).isEqualTo(1);

        h.clock.advance(Duration.ofSeconds(60));
        reconcile();
        assertThat(status().condition(JobCondition.FAILED)).hasValueSatisfying(c ->
                assertThat(c.reason()).isEqualTo("DeadlineExceeded"));
        assertThat(status().active()).isZero();
        assertThat(h.client.pods().inNamespace(NS).list()).allSatisfy(p ->
                assertThat(p.metadata().isDeleting()).isTrue());
    }

    @Test
    void indexedJobGivesEachPodItsIndexAndRetriesFailedIndexes() {
        h.client.jobs().create(pi().indexed(3).parallelism(3).build());
        reconcile();
        List<Pod> pods = running();
        assertThat(pods).extracting(p -> p.metadata().annotations().get(JobController.COMPLETION_INDEX))
                .containsExactlyInAnyOrder("0", "1", "2");
        Pod one = pods.stream().filter(p -> JobPods.index(p) == 1).findFirst().orElseThrow();
        assertThat(one.metadata().name()).startsWith("pi-1-");
        assertThat(one.metadata().labels()).containsEntry(JobController.COMPLETION_INDEX, "1");
        assertThat(one.spec().hostname()).isEqualTo("pi-1");
        assertThat(one.spec().containers().get(0).env()).extracting(EnvVar::name).contains(JobController.INDEX_ENV);

        finish(one, PodStatus.SUCCEEDED);
        Pod zero = pods.stream().filter(p -> JobPods.index(p) == 0).findFirst().orElseThrow();
        finish(zero, PodStatus.FAILED);
        reconcile();
        assertThat(status().completedIndexes()).isEqualTo("1");
        h.clock.advance(Duration.ofSeconds(10));
        reconcile();
        assertThat(running()).extracting(JobPods::index).containsExactlyInAnyOrder(0, 2);

        running().forEach(p -> finish(p, PodStatus.SUCCEEDED));
        reconcile();
        assertThat(status().completedIndexes()).isEqualTo("0-2");
        assertThat(status().succeeded()).isEqualTo(3);
        assertThat(status().failed()).isEqualTo(1);
        assertThat(status().condition(JobCondition.COMPLETE)).isPresent();
    }

    @Test
    void suspendDeletesActivePodsAndResumeStartsAgain() {
        h.client.jobs().create(pi().suspend(true).build());
        reconcile();
        assertThat(pods()).isEmpty();
        assertThat(status().condition(JobCondition.SUSPENDED)).hasValueSatisfying(c ->
                assertThat(c.isTrue()).isTrue());
        assertThat(status().startTime()).isNull();

        h.client.jobs().update(NS, "pi", j -> j.toBuilder().suspend(false).build());
        reconcile();
        assertThat(running()).hasSize(1);
        assertThat(status().condition(JobCondition.SUSPENDED)).hasValueSatisfying(c ->
                assertThat(c.reason()).isEqualTo("JobResumed"));

        h.client.jobs().update(NS, "pi", j -> j.toBuilder().suspend(true).build());
        reconcile();
        assertThat(running()).isEmpty();
    }

    @Test
    void ttlAfterFinishedDeletesTheJobAndItsPods() {
        h.client.jobs().create(pi().ttlSecondsAfterFinished(100).build());
        reconcile();
        finish(running().get(0), PodStatus.SUCCEEDED);
        assertThat(reconcile()).isEqualTo(Result.requeueAfter(Duration.ofSeconds(100)));

        h.clock.advance(Duration.ofSeconds(99));
        reconcile();
        assertThat(h.client.jobs().inNamespace(NS).get("pi")).isPresent();
        h.clock.advance(Duration.ofSeconds(1));
        reconcile();
        h.settle();
        assertThat(h.client.jobs().inNamespace(NS).get("pi")).isEmpty();
        assertThat(h.client.pods().inNamespace(NS).list()).isEmpty();
    }

    @Test
    void workQueueJobCompletesWhenOnePodSucceededAndTheRestFinished() {
        h.client.jobs().create(pi().parallelism(2).build());
        reconcile();
        assertThat(running()).hasSize(2);
        finish(running().get(0), PodStatus.SUCCEEDED);
        reconcile();
        assertThat(running()).as("no new pods once one succeeded").hasSize(1);
        assertThat(status().condition(JobCondition.COMPLETE)).isEmpty();
        finish(running().get(0), PodStatus.SUCCEEDED);
        reconcile();
        assertThat(status().condition(JobCondition.COMPLETE)).isPresent();
    }

    @Test
    void onFailureCountsContainerRestartsTowardsTheBackoffLimit() {
        h.client.jobs().create(pi().restartPolicy(io.flotilla.api.core.PodSpec.RESTART_ON_FAILURE).backoffLimit(2)
                .build());
        reconcile();
        String pod = running().get(0).metadata().name();
        h.status(pod, s -> new PodStatus(PodStatus.RUNNING, s.conditions(), null, null, null, null, null, null,
                List.of(), List.of(new io.flotilla.api.core.ContainerStatus("pi", null, null, false, 1, null, null,
                null, null)), null));
        reconcile();
        assertThat(status().condition(JobCondition.FAILED)).isEmpty();

        h.status(pod, s -> new PodStatus(PodStatus.RUNNING, s.conditions(), null, null, null, null, null, null,
                List.of(), List.of(new io.flotilla.api.core.ContainerStatus("pi", null, null, false, 2, null, null,
                null, null)), null));
        reconcile();
        assertThat(status().condition(JobCondition.FAILED)).hasValueSatisfying(c ->
                assertThat(c.reason()).isEqualTo("BackoffLimitExceeded"));
        assertThat(running()).isEmpty();
    }
}
