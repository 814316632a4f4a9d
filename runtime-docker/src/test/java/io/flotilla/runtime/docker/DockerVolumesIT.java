package io.flotilla.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ExecResult;
import io.flotilla.api.runtime.Mount;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.VolumeFile;
import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Volumes on Docker: ConfigMap and Secret files through the archive API, updates, and shared emptyDir volumes. */
@RequiresRuntime("docker")
class DockerVolumesIT {
    private static DockerRuntime runtime;
    private DockerTestSupport it;

    @BeforeAll
    static void connect() {
        TestImages.ensureBuilt(TestDocker.client());
        runtime = DockerRuntime.local().sandboxImage(TestImages.PAUSE);
    }

    @AfterAll
    static void disconnect() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @BeforeEach
    void newCluster() {
        it = new DockerTestSupport(runtime);
    }

    @AfterEach
    void removeCluster() {
        runtime.cleanup(it.cluster());
        it.assertNothingLeft(TestDocker.client());
    }

    @Test
    void writesConfigMapAndSecretFilesWithTheirModesAndReplacesThemOnUpdate() {
        String volume = runtime.createVolume(it.cluster() + "-config", RuntimeLabels.cluster(it.cluster())).name();
        runtime.writeFiles(volume, Map.of(
                "app.conf", VolumeFile.text("version=1\n"),
                "nested/dir/extra.txt", VolumeFile.text("deep\n"),
                "token", VolumeFile.secret("s3cr3t".getBytes(StandardCharsets.UTF_8))));

        PodSandboxConfig pod = it.pod("files").build();
        String sandbox = runtime.runPodSandbox(pod);
        String reader = it.start(sandbox, pod, it.container(pod, "reader", "exec sleep 3600")
                .mount(Mount.volume(volume, "/cfg", true)).build());
        it.await(reader, ContainerRunState.RUNNING);
        ExecResult modes = runtime.execSync(reader, List.of("stat", "-c", "%a %n", "/cfg/app.conf", "/cfg/token",
                "/cfg/nested/dir/extra.txt"), Duration.ofSeconds(10));
        assertThat(modes.stdout()).contains("644 /cfg/app.conf", "400 /cfg/token", "644 /cfg/nested/dir/extra.txt");
        assertThat(runtime.execSync(reader, List.of("cat", "/cfg/token"), Duration.ofSeconds(10)).stdout())
                .isEqualTo("s3cr3t");

        runtime.writeFiles(volume, Map.of("app.conf", VolumeFile.text("version=2\n")));
        assertThat(runtime.execSync(reader, List.of("cat", "/cfg/app.conf"), Duration.ofSeconds(10)).stdout())
                .isEqualTo("version=2\n");
        assertThat(runtime.execSync(reader, List.of("ls", "/cfg"), Duration.ofSeconds(10)).stdout())
                .doesNotContain("token");
    }

    @Test
    void containersOfAPodShareAnEmptyDirVolume() {
        String volume = runtime.createVolume(it.cluster() + "-scratch", RuntimeLabels.cluster(it.cluster())).name();
        PodSandboxConfig pod = it.pod("scratch").build();
        String sandbox = runtime.runPodSandbox(pod);
        String writer = it.start(sandbox, pod, it.container(pod, "writer", "echo shared > /scratch/note")
                .mount(Mount.volume(volume, "/scratch", false)).build());
        assertThat(it.await(writer, ContainerRunState.EXITED).exitCode()).isZero();
        String reader = it.start(sandbox, pod, it.container(pod, "reader", "cat /scratch/note")
                .mount(Mount.volume(volume, "/scratch", true)).build());
        assertThat(it.await(reader, ContainerRunState.EXITED).exitCode()).isZero();
        assertThat(it.logs(reader)).isEqualTo("shared");
    }
}
