package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.RuntimeVolume;
import java.util.List;
import java.util.Map;

/**
 * Removes everything of one cluster from an engine, fast: every labelled container (sandboxes, application
 * containers, helpers) is force-removed at once without a grace period, then the volumes, then the networks.
 * Thread-safe.
 */
public final class Cleanup {
    private final Engine engine;

    /** Clean-up on {@code engine}. */
    public Cleanup(Engine engine) {
        this.engine = engine;
    }

    /**
     * What a clean-up removed.
     *
     * @param containers how many containers (sandboxes included)
     * @param volumes    how many volumes
     * @param networks   how many networks (those Docker refused to remove are not counted)
     */
    public record Removed(int containers, int volumes, int networks) {
    }

    /** Removes every container, volume and network labelled with cluster {@code clusterId}. */
    public Removed removeCluster(String clusterId) {
        Map<String, String> mine = RuntimeLabels.cluster(clusterId);
        DockerClient docker = engine.docker();
        List<Container> containers;
        try {
            containers = docker.listContainersCmd().withShowAll(true).withLabelFilter(mine).exec();
        } catch (RuntimeException e) {
            throw engine.errors().translate(e, "listing the containers of cluster " + clusterId);
        }
        Parallel.forEach(containers, c -> forceRemove(docker, c.getId()));
        List<RuntimeVolume> volumes = engine.volumes().list(mine);
        Parallel.forEach(volumes, v -> engine.volumes().remove(v.name()));
        // only what is really gone counts; a network Docker refuses with no container on it is logged as stuck
        int networks = (int) engine.networks().list(mine).stream()
                .filter(n -> engine.networks().removeIfUnused(n.getName())).count();
        return new Removed(containers.size(), volumes.size(), networks);
    }

    private void forceRemove(DockerClient docker, String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            if (!Errors.daemonMessage(e).contains("already in progress")) {
                throw engine.errors().translate(e, ObjectKind.CONTAINER, id);
            }
        }
    }
}
