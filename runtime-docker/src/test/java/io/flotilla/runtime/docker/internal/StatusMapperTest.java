package io.flotilla.runtime.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.PodSandboxStatus;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.SandboxState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static InspectContainerResponse inspect(String state, String labels) throws Exception {
        return JSON.readValue("""
                {"Id":"c1","Name":"/flotilla_app","Created":"2025-01-01T00:00:00.5Z","Image":"sha256:img",
                 "State":%s,
                 "Config":{"Image":"busybox","Labels":%s},
                 "NetworkSettings":{"Networks":{"flotilla-x":{"IPAddress":"172.20.0.5"}}}}
                """.formatted(state, labels), InspectContainerResponse.class);
    }

    private static final String CONTAINER_LABELS = """
            {"io.flotilla.kind":"container","io.flotilla.sandbox.id":"s1","io.flotilla.cluster":"x",
             "io.flotilla.docker.container.name":"app","io.flotilla.docker.attempt":"2",
             "io.flotilla.docker.image":"busybox:1","io.flotilla.docker.annotation.note":"hi"}""";

    @Test
    void mapsAnOomKilledExit() throws Exception {
        RuntimeContainerStatus status = StatusMapper.containerStatus(inspect("""
                {"Status":"exited","ExitCode":137,"OOMKilled":true,"StartedAt":"2025-01-01T00:00:01Z",
                 "FinishedAt":"2025-01-01T00:00:02Z","Error":""}""", CONTAINER_LABELS));
        assertThat(status.state()).isEqualTo(ContainerRunState.EXITED);
        assertThat(status.exitCode()).isEqualTo(137);
        assertThat(status.reason()).isEqualTo(RuntimeContainerStatus.OOM_KILLED);
        assertThat(status.message()).isNull();
        assertThat(status.podSandboxId()).isEqualTo("s1");
        assertThat(status.metadata().name()).isEqualTo("app");
        assertThat(status.restartCount()).isEqualTo(2);
        assertThat(status.image().image()).isEqualTo("busybox:1");
        assertThat(status.imageRef()).isEqualTo("sha256:img");
        assertThat(status.labels()).containsEntry(RuntimeLabels.CLUSTER, "x")
                .doesNotContainKey(Labels.ATTEMPT);
        assertThat(status.annotations()).containsEntry("note", "hi");
    }

    @Test
    void mapsCompletedErrorRunningAndCreated() throws Exception {
        assertThat(StatusMapper.containerStatus(inspect("""
                {"Status":"exited","ExitCode":0,"StartedAt":"2025-01-01T00:00:01Z","FinishedAt":"2025-01-01T00:00:02Z"}""",
                CONTAINER_LABELS)).reason()).isEqualTo(RuntimeContainerStatus.COMPLETED);
        assertThat(StatusMapper.containerStatus(inspect("""
                {"Status":"exited","ExitCode":3,"StartedAt":"2025-01-01T00:00:01Z","FinishedAt":"2025-01-01T00:00:02Z"}""",
                CONTAINER_LABELS)).reason()).isEqualTo(RuntimeContainerStatus.ERROR);
        RuntimeContainerStatus running = StatusMapper.containerStatus(inspect("""
                {"Status":"running","Running":true,"ExitCode":0,"StartedAt":"2025-01-01T00:00:01Z",
                 "FinishedAt":"0001-01-01T00:00:00Z"}""", CONTAINER_LABELS));
        assertThat(running.state()).isEqualTo(ContainerRunState.RUNNING);
        assertThat(running.reason()).isNull();
        assertThat(running.finishedAt()).isNull();
        RuntimeContainerStatus created = StatusMapper.containerStatus(inspect("""
                {"Status":"created","StartedAt":"0001-01-01T00:00:00Z","FinishedAt":"0001-01-01T00:00:00Z"}""",
                CONTAINER_LABELS));
        assertThat(created.state()).isEqualTo(ContainerRunState.CREATED);
        assertThat(created.startedAt()).isNull();
    }

    @Test
    void clampsAStartDockerRecordedAfterAFastExit() throws Exception {
        RuntimeContainerStatus status = StatusMapper.containerStatus(inspect("""
                {"Status":"exited","ExitCode":3,"StartedAt":"2025-01-01T00:00:02.2Z",
                 "FinishedAt":"2025-01-01T00:00:02.1Z"}""", CONTAINER_LABELS));
        assertThat(status.startedAt()).isEqualTo(status.finishedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:02.1Z"));
    }

    @Test
    void sandboxesAreReadyWithAnIpOnlyWhileRunning() throws Exception {
        String labels = """
                {"io.flotilla.kind":"sandbox","io.flotilla.docker.pod.name":"web","io.flotilla.docker.pod.namespace":"ns",
                 "io.flotilla.docker.pod.uid":"u1","io.flotilla.docker.attempt":"1","io.flotilla.docker.network":"flotilla-x"}""";
        PodSandboxStatus ready = StatusMapper.sandboxStatus(inspect("{\"Status\":\"running\",\"Running\":true}", labels));
        assertThat(ready.state()).isEqualTo(SandboxState.READY);
        assertThat(ready.ip()).isEqualTo("172.20.0.5");
        assertThat(ready.metadata().podKey()).isEqualTo("ns/web");
        assertThat(ready.metadata().attempt()).isEqualTo(1);
        PodSandboxStatus stopped = StatusMapper.sandboxStatus(inspect("{\"Status\":\"exited\",\"Running\":false}", labels));
        assertThat(stopped.state()).isEqualTo(SandboxState.NOTREADY);
        assertThat(stopped.ip()).isNull();
    }

    @Test
    void mapsDockerStates() {
        assertThat(StatusMapper.runState("paused")).isEqualTo(ContainerRunState.RUNNING);
        assertThat(StatusMapper.runState("dead")).isEqualTo(ContainerRunState.EXITED);
        assertThat(StatusMapper.runState("weird")).isEqualTo(ContainerRunState.UNKNOWN);
        assertThat(StatusMapper.time("0001-01-01T00:00:00Z")).isNull();
        assertThat(StatusMapper.time("2025-01-01T00:00:00.123456789Z")).isEqualTo(
                Instant.parse("2025-01-01T00:00:00.123456789Z"));
    }
}
