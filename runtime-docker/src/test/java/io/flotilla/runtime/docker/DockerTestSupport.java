package io.flotilla.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.LogLine;
import io.flotilla.api.runtime.LogOptions;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.testkit.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Helpers of this module's integration tests: one cluster id per test, pods, waiting, and leftover checks. */
final class DockerTestSupport {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ContainerRuntime runtime;
    private final String cluster = "docker-it-" + UUID.randomUUID().toString().substring(0, 8);

    DockerTestSupport(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    String cluster() {
        return cluster;
    }

    PodSandboxConfig.Builder pod(String name) {
        return PodSandboxConfig.builder("it", name, cluster + "-" + name)
                .labels(RuntimeLabels.forPod(cluster, "it", name, cluster + "-" + name));
    }

    ContainerConfig.Builder container(PodSandboxConfig pod, String name, String script) {
        return ContainerConfig.builder(name, TestImages.BUSYBOX).command("sh", "-c", script)
                .labels(RuntimeLabels.forContainer(pod.labels(), name, 0));
    }

    String start(String sandboxId, PodSandboxConfig pod, ContainerConfig config) {
        String id = runtime.createContainer(sandboxId, config, pod);
        runtime.startContainer(id);
        return id;
    }

    RuntimeContainerStatus await(String containerId, ContainerRunState state) {
        await("container to be " + state, () -> runtime.containerStatus(containerId).state() == state);
        return runtime.containerStatus(containerId);
    }

    String logs(String containerId) {
        return String.join("\n", runtime.readLogs(containerId, LogOptions.all()).stream().map(LogLine::text)
                .toList());
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Asserts the engine holds no container, volume or network of this test's cluster. */
    void assertNothingLeft(DockerClient docker) {
        Map<String, String> mine = RuntimeLabels.cluster(cluster);
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(mine).exec()).isEmpty();
        assertThat(docker.listVolumesCmd().withFilter("label", List.of(RuntimeLabels.CLUSTER + "=" + cluster))
                .exec().getVolumes()).isNullOrEmpty();
        assertThat(docker.listNetworksCmd().withFilter("label", List.of(RuntimeLabels.CLUSTER + "=" + cluster))
                .exec()).isEmpty();
    }
}
