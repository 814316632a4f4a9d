package io.flotilla.examples;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import io.flotilla.api.runtime.RuntimeLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a cluster left in a Docker engine: its containers, networks and volumes, found by the cluster label only
 * (never by name), so tests can assert that {@code close()} removed everything and then purge what it did not.
 * Not thread-safe; calls block on the engine.
 */
record DockerLeftovers(List<String> containers, List<String> networks, List<String> volumes) {

    /** Lists, through {@code docker}, everything labelled with cluster {@code clusterId}. */
    static DockerLeftovers of(DockerClient docker, String clusterId) {
        Map<String, String> label = RuntimeLabels.cluster(clusterId);
        List<String> containers = docker.listContainersCmd().withShowAll(true).withLabelFilter(label).exec()
                .stream().map(Container::getId).toList();
        List<String> networks = docker.listNetworksCmd().withFilter("label", labelFilter(label)).exec()
                .stream().map(Network::getId).toList();
        List<InspectVolumeResponse> found = docker.listVolumesCmd().withFilter("label", labelFilter(label)).exec()
                .getVolumes();
        List<String> volumes = found == null ? List.of() : found.stream().map(InspectVolumeResponse::getName).toList();
        return new DockerLeftovers(containers, networks, volumes);
    }

    /** Force-removes everything labelled with cluster {@code clusterId}, ignoring what vanished meanwhile. */
    static void purge(DockerClient docker, String clusterId) {
        DockerLeftovers left = of(docker, clusterId);
        for (String id : left.containers) {
            quietly(() -> docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec());
        }
        for (String id : left.networks) {
            quietly(() -> docker.removeNetworkCmd(id).exec());
        }
        for (String name : left.volumes) {
            quietly(() -> docker.removeVolumeCmd(name).exec());
        }
    }

    /** Whether nothing is left. */
    boolean isEmpty() {
        return containers.isEmpty() && networks.isEmpty() && volumes.isEmpty();
    }

    private static List<String> labelFilter(Map<String, String> labels) {
        List<String> filter = new ArrayList<>();
        labels.forEach((k, v) -> filter.add(k + "=" + v));
        return filter;
    }

    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ignored) {
            // already gone, or in use by a container removed just before
        }
    }
}
