package io.flotilla.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.Mount;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.VolumeFile;
import io.flotilla.testkit.TestImages;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A pod and volume files on a second engine reached over TCP, such as the one the CI script starts at
 * {@code tcp://127.0.0.1:23750}. Runs only when {@code FLOTILLA_DOCKER_REMOTE} names that engine (its TLS directory,
 * if any, in {@code FLOTILLA_DOCKER_REMOTE_TLS}).
 */
@EnabledIfEnvironmentVariable(named = "FLOTILLA_DOCKER_REMOTE", matches = ".+")
class RemoteDockerIT {
    private static DockerRuntime runtime;

    @BeforeAll
    static void connect() {
        DockerRuntime remote = DockerRuntime.remote(URI.create(System.getenv("FLOTILLA_DOCKER_REMOTE")));
        String tls = System.getenv("FLOTILLA_DOCKER_REMOTE_TLS");
        runtime = (tls == null || tls.isBlank() ? remote : remote.tls(java.nio.file.Path.of(tls)))
                .sandboxImage(TestImages.PAUSE);
        TestImages.ensureBuilt(runtime.dockerClient());
    }

    @AfterAll
    static void disconnect() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void runsPodsAndDeliversFilesOnARemoteEngine() {
        DockerTestSupport it = new DockerTestSupport(runtime);
        try {
            String volume = runtime.createVolume(it.cluster() + "-cfg", RuntimeLabels.cluster(it.cluster())).name();
            runtime.writeFiles(volume, Map.of("greeting", VolumeFile.text("hello remote\n")));
            PodSandboxConfig pod = it.pod("remote").build();
            String sandbox = runtime.runPodSandbox(pod);
            String reader = it.start(sandbox, pod, it.container(pod, "reader", "cat /cfg/greeting")
                    .mount(Mount.volume(volume, "/cfg", true)).build());
            assertThat(it.await(reader, ContainerRunState.EXITED).exitCode()).isZero();
            assertThat(it.logs(reader)).isEqualTo("hello remote");
            assertThat(runtime.podSandboxStatus(sandbox).ip()).isNotNull();
        } finally {
            runtime.cleanup(it.cluster());
            it.assertNothingLeft(runtime.dockerClient());
        }
    }
}
