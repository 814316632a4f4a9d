package io.flotilla.examples;

import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.PodSandbox;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.RuntimeVolume;
import io.flotilla.testkit.TestDocker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a cluster left in one runtime, found by the cluster label only (never by name), so tests can assert that
 * {@code close()} removed everything and then purge what it did not: {@code containers} holds sandboxes and
 * containers, {@code volumes} the volume names, {@code other} what else the runtime keeps for the cluster (Docker:
 * its networks; containerd: log and volume directories in the node's state directory that no volume accounts for).
 * Not thread-safe; calls block on the runtime.
 */
record RuntimeLeftovers(List<String> containers, List<String> volumes, List<String> other) {

    /** Lists what cluster {@code clusterId} left on {@code kind}, through {@code runtime} where it can. */
    static RuntimeLeftovers of(TestRuntime kind, ContainerRuntime runtime, String clusterId) {
        return switch (kind) {
            case DOCKER -> {
                DockerLeftovers left = DockerLeftovers.of(TestDocker.client(), clusterId);
                yield new RuntimeLeftovers(left.containers(), left.volumes(),
                        left.networks().stream().map(n -> "network " + n).toList());
            }
            case CONTAINERD -> ofCri(runtime, clusterId);
        };
    }

    /** Force-removes what cluster {@code clusterId} left on {@code kind}, ignoring what vanished meanwhile. */
    static void purge(TestRuntime kind, ContainerRuntime runtime, String clusterId) {
        switch (kind) {
            case DOCKER -> DockerLeftovers.purge(TestDocker.client(), clusterId);
            case CONTAINERD -> {
                Map<String, String> label = RuntimeLabels.cluster(clusterId);
                for (PodSandbox sandbox : runtime.listPodSandboxes(PodSandboxFilter.labels(label))) {
                    quietly(() -> runtime.removePodSandbox(sandbox.id()));
                }
                for (RuntimeContainer container : runtime.listContainers(ContainerFilter.labels(label))) {
                    quietly(() -> runtime.removeContainer(container.id()));
                }
                for (RuntimeVolume volume : runtime.listVolumes(label)) {
                    quietly(() -> runtime.removeVolume(volume.name()));
                }
                deleteTree(TestRuntime.stateDir(clusterId));
            }
        }
    }

    /** Whether nothing is left. */
    boolean isEmpty() {
        return containers.isEmpty() && volumes.isEmpty() && other.isEmpty();
    }

    private static RuntimeLeftovers ofCri(ContainerRuntime runtime, String clusterId) {
        Map<String, String> label = RuntimeLabels.cluster(clusterId);
        List<String> containers = new ArrayList<>();
        runtime.listPodSandboxes(PodSandboxFilter.labels(label)).forEach(s -> containers.add("sandbox " + s.id()));
        runtime.listContainers(ContainerFilter.labels(label)).forEach(c -> containers.add(c.id()));
        List<String> volumes = runtime.listVolumes(label).stream().map(RuntimeVolume::name).toList();
        Path stateDir = TestRuntime.stateDir(clusterId);
        List<String> other = new ArrayList<>();
        entries(stateDir.resolve("pods")).forEach(p -> other.add("pods/" + p));
        entries(stateDir.resolve("volumes")).stream().filter(v -> !volumes.contains(v))
                .forEach(v -> other.add("volumes/" + v));
        return new RuntimeLeftovers(List.copyOf(containers), volumes, List.copyOf(other));
    }

    private static List<String> entries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a stale test directory is harmless; the next purge tries again
        }
    }

    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ignored) {
            // already gone, or removed with its sandbox just before
        }
    }
}
