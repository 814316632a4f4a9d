package io.flotilla.core.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.ContainerState;
import io.flotilla.api.core.ContainerStateTerminated;
import io.flotilla.api.core.ContainerStatus;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The STATUS column and failure detection, on hand-made pod statuses, against what kubectl prints for them. */
class PodStatusesTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Pod pod(String phase, List<ContainerStatus> init, List<ContainerStatus> app,
                           PodCondition... conditions) {
        Pod pod = Pod.named("p").initContainer("init", c -> c.image("i")).container("app", c -> c.image("a")).build();
        return pod.withStatus(new PodStatus(phase, List.of(conditions), null, null, null, null, null, null, init, app,
                null));
    }

    private static ContainerStatus status(String name, ContainerState state, int restarts, boolean ready) {
        return new ContainerStatus(name, state, null, ready, restarts, "img", null, null, null);
    }

    private static ContainerState exited(int code, String reason) {
        return ContainerState.terminated(new ContainerStateTerminated(code, null, reason, null, T, T, null));
    }

    @Test
    void followsKubectlForEachStage() {
        assertThat(PodStatuses.status(pod("Pending", List.of(), List.of()))).isEqualTo("Pending");
        assertThat(PodStatuses.status(pod("Pending",
                List.of(status("init", ContainerState.running(T), 0, false)), List.of()))).isEqualTo("Init:0/1");
        assertThat(PodStatuses.status(pod("Pending",
                List.of(status("init", exited(0, "Completed"), 0, false)),
                List.of(status("app", ContainerState.waiting("ContainerCreating", null), 0, false)),
                PodCondition.of(PodCondition.INITIALIZED, "True", T)))).isEqualTo("ContainerCreating");
        assertThat(PodStatuses.status(pod("Running", List.of(),
                List.of(status("app", ContainerState.waiting("CrashLoopBackOff", "back-off 10s"), 3, false)))))
                .isEqualTo("CrashLoopBackOff");
        assertThat(PodStatuses.status(pod("Succeeded", List.of(), List.of(status("app", exited(0, "Completed"), 0,
                false))))).isEqualTo("Completed");
        assertThat(PodStatuses.status(pod("Failed", List.of(), List.of(status("app", exited(2, null), 0, false)))))
                .isEqualTo("ExitCode:2");
        Pod running = pod("Running", List.of(), List.of(status("app", ContainerState.running(T), 1, true)));
        assertThat(PodStatuses.status(running)).isEqualTo("Running");
        assertThat(PodStatuses.ready(running)).isEqualTo("1/1");
        assertThat(PodStatuses.restarts(running)).isEqualTo(1);
        Pod deleting = running.withMetadata(running.metadata().toBuilder().deletionTimestamp(T).build());
        assertThat(PodStatuses.status(deleting)).isEqualTo("Terminating");
    }

    @Test
    void failureNamesTheContainerReasonAndLastExitCode() {
        ContainerStatus crashing = new ContainerStatus("app", ContainerState.waiting("CrashLoopBackOff", "back-off"),
                exited(1, "Error"), false, 2, "img", null, null, null);
        assertThat(PodStatuses.failure(pod("Running", List.of(), List.of(crashing)), 0))
                .hasValue("container app: CrashLoopBackOff (back-off); app last exit code 1: Error");
        assertThat(PodStatuses.failure(pod("Running", List.of(), List.of(crashing)), 5)).isEmpty();
        assertThat(PodStatuses.failure(pod("Pending", List.of(), List.of(
                status("app", ContainerState.waiting("ImagePullBackOff", "no such image"), 0, false))), 0))
                .hasValue("container app: ImagePullBackOff (no such image)");
        assertThat(PodStatuses.failure(pod("Pending", List.of(), List.of(
                status("app", ContainerState.waiting("ContainerCreating", null), 0, false))), 0)).isEmpty();
        assertThat(PodStatuses.isFailing(pod("Running", List.of(), List.of(crashing)), crashing)).isTrue();
        assertThat(PodStatuses.describe(crashing)).isEqualTo("waiting: CrashLoopBackOff, 2 restarts, last exit code 1");
    }

    @Test
    void agesPrintLikeKubectl() {
        assertThat(Ages.human(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Ages.human(Duration.ofSeconds(119))).isEqualTo("119s");
        assertThat(Ages.human(Duration.ofSeconds(192))).isEqualTo("3m12s");
        assertThat(Ages.human(Duration.ofMinutes(42))).isEqualTo("42m");
        assertThat(Ages.human(Duration.ofMinutes(5 * 60 + 7))).isEqualTo("5h7m");
        assertThat(Ages.human(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(Ages.human(Duration.ofHours(51))).isEqualTo("2d3h");
        assertThat(Ages.human(Duration.ofDays(40))).isEqualTo("40d");
        assertThat(Ages.since(null, T)).isEqualTo("<unknown>");
    }
}
