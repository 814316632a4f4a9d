package io.flotilla.runtime.containerd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.runtime.containerd.cri.Cri;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CriStatusesTest {
    private static final long SECOND = 1_000_000_000L;

    private static Cri.ContainerStatus.Builder exited(int exitCode, String reason) {
        return Cri.ContainerStatus.newBuilder().setId("c1")
                .setMetadata(Cri.ContainerMetadata.newBuilder().setName("app").setAttempt(4))
                .setState(Cri.ContainerState.CONTAINER_EXITED).setCreatedAt(10 * SECOND).setStartedAt(11 * SECOND)
                .setFinishedAt(12 * SECOND).setExitCode(exitCode).setReason(reason)
                .setImage(Cri.ImageSpec.newBuilder().setImage("docker.io/library/busybox:1"))
                .putLabels("k", "v");
    }

    @Test
    void exitReasonsFollowKubernetes() {
        assertThat(CriStatuses.container(exited(137, "OOMKilled").build(), "sb").reason())
                .isEqualTo(RuntimeContainerStatus.OOM_KILLED);
        assertThat(CriStatuses.container(exited(3, "Error").build(), "sb").reason())
                .isEqualTo(RuntimeContainerStatus.ERROR);
        assertThat(CriStatuses.container(exited(0, "Completed").build(), "sb").reason())
                .isEqualTo(RuntimeContainerStatus.COMPLETED);
    }

    @Test
    void mapsIdentityStateTimesAndLabels() {
        RuntimeContainerStatus status = CriStatuses.container(exited(3, "Error").build(), "sb");

        assertThat(status.podSandboxId()).isEqualTo("sb");
        assertThat(status.restartCount()).isEqualTo(4);
        assertThat(status.state()).isEqualTo(ContainerRunState.EXITED);
        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.createdAt()).isEqualTo(Instant.ofEpochSecond(10));
        assertThat(status.startedAt()).isEqualTo(Instant.ofEpochSecond(11));
        assertThat(status.finishedAt()).isEqualTo(Instant.ofEpochSecond(12));
        assertThat(status.labels()).containsEntry("k", "v");
        assertThat(status.message()).isNull();
    }

    @Test
    void aProcessThatExitedAtOnceDoesNotFinishBeforeItStarted() {
        RuntimeContainerStatus status = CriStatuses.container(exited(3, "Error").setFinishedAt(11 * SECOND - 5)
                .build(), "sb");

        assertThat(status.finishedAt()).isEqualTo(status.startedAt());
    }

    @Test
    void runningContainersHaveNoExitCodeReasonOrFinish() {
        RuntimeContainerStatus status = CriStatuses.container(exited(0, "").setState(
                Cri.ContainerState.CONTAINER_RUNNING).build(), "sb");

        assertThat(status.state()).isEqualTo(ContainerRunState.RUNNING);
        assertThat(status.reason()).isNull();
        assertThat(status.finishedAt()).isNull();
    }
}
