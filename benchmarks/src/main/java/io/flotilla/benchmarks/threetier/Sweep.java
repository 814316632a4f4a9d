package io.flotilla.benchmarks.threetier;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.testkit.TestDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Removes what a contender may have left: Docker objects by label (never by name pattern), a named volume, a
 * temporary folder. Failures are ignored (the object is gone, or in use by one removed just before). Stateless.
 */
final class Sweep {
    private Sweep() {
    }

    /** Force-removes containers, then networks, then volumes carrying every label of {@code labels}. */
    static void byLabels(Map<String, String> labels) {
        DockerClient docker = TestDocker.client();
        List<String> filter = labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec().forEach(c ->
                quietly(() -> docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec()));
        docker.listNetworksCmd().withFilter("label", filter).exec()
                .forEach(n -> quietly(() -> docker.removeNetworkCmd(n.getId()).exec()));
        List<InspectVolumeResponse> volumes = docker.listVolumesCmd().withFilter("label", filter).exec().getVolumes();
        if (volumes != null) {
            volumes.forEach(v -> removeVolume(v.getName()));
        }
    }

    /** What a Flotilla cluster {@code clusterId} left: everything with its {@code io.flotilla.cluster} label. */
    static void flotillaCluster(String clusterId) {
        byLabels(RuntimeLabels.cluster(clusterId));
    }

    /** Removes the volume {@code name} if it exists. */
    static void removeVolume(String name) {
        quietly(() -> TestDocker.client().removeVolumeCmd(name).exec());
    }

    /** Deletes {@code dir} and everything in it. */
    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> quietly(() -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        } catch (IOException ignored) {
            // already gone
        }
    }

    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ignored) {
            // gone already, or still in use by an object removed just before
        }
    }
}
