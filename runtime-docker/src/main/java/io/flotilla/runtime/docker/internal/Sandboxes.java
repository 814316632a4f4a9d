package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.flotilla.api.runtime.PodSandbox;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.PodSandboxStatus;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.SandboxState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pod sandboxes as "pause" containers: run (create + start on the cluster network), stop (kill the pod's containers,
 * then the sandbox: nothing in a pod that is being torn down gets a grace period), remove (force-remove the pod's
 * containers and the sandbox, then the network if it was the last), status and listings.
 *
 * <p>Design notes: the ids of sandboxes this runtime started and has not stopped are remembered, so creating a
 * container in them needs no inspection; so is each sandbox's network, so removal needs none either. Sandboxes
 * adopted from an earlier run fall back to an inspection. Thread-safe.
 */
public final class Sandboxes {
    private final DockerClient docker;
    private final Settings settings;
    private final Errors errors;
    private final Networks networks;
    private final Images images;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private final Map<String, Optional<String>> networkOf = new ConcurrentHashMap<>();

    /** Sandboxes on the engine behind {@code docker}. */
    public Sandboxes(DockerClient docker, Settings settings, Errors errors, Networks networks, Images images) {
        this.docker = docker;
        this.settings = settings;
        this.errors = errors;
        this.networks = networks;
        this.images = images;
    }

    /** Creates and starts the sandbox of {@code config}; see {@code ContainerRuntime#runPodSandbox}. */
    public String run(PodSandboxConfig config) {
        String cluster = config.labels().get(RuntimeLabels.CLUSTER);
        String network = config.hostNetwork() ? null
                : settings.network() != null ? settings.network() : Names.network(cluster);
        String name = Names.sandbox(config.metadata());
        String id = network == null ? createAndStart(config, null, name)
                : networks.withNetwork(network, cluster, () -> createAndStart(config, network, name));
        networkOf.put(id, Optional.ofNullable(network));
        ready.add(id);
        return id;
    }

    private String createAndStart(PodSandboxConfig config, String network, String name) {
        String id;
        try {
            id = create(config, network, name);
        } catch (NotFoundException e) {
            if (!Errors.mentionsMissingImage(e)) {
                throw e;
            }
            images.pullForRuntime(settings.sandboxImage());
            id = create(config, network, name);
        } catch (ConflictException e) {
            throw new ContainerRuntimeException.AlreadyExists(errors.endpoint(), ObjectKind.SANDBOX, name);
        }
        try {
            docker.startContainerCmd(id).exec();
            return id;
        } catch (RuntimeException e) {
            forceRemove(id);
            if (e instanceof NotFoundException && Errors.mentionsMissingNetwork(e)) {
                throw e;
            }
            throw errors.translate(e, ObjectKind.SANDBOX, name);
        }
    }

    private String create(PodSandboxConfig config, String network, String name) {
        CreateContainerCmd cmd = docker.createContainerCmd(settings.sandboxImage()).withName(name);
        return SandboxSpecs.apply(cmd, config, network, settings.defaultHostIp()).exec().getId();
    }

    /**
     * Checks that {@code sandboxId} is a ready sandbox before a container is created in it.
     *
     * @throws ContainerRuntimeException.NotFound     if it is not a sandbox
     * @throws ContainerRuntimeException.InvalidState if it is not ready
     */
    public void checkReady(String sandboxId) {
        if (ready.contains(sandboxId)) {
            return;
        }
        if (status(sandboxId).state() != SandboxState.READY) {
            throw new ContainerRuntimeException.InvalidState(errors.endpoint(),
                    "pod sandbox " + sandboxId + " is not ready");
        }
    }

    /** Kills the sandbox's running containers, then the sandbox. Idempotent. */
    public void stop(String sandboxId) {
        ready.remove(sandboxId);
        List<Container> running = containersOf(sandboxId, true);
        Parallel.forEach(running, c -> kill(c.getId()));
        kill(sandboxId);
    }

    /** Force-removes the sandbox's containers, the sandbox and, if it was the last, its network. Idempotent. */
    public void remove(String sandboxId) {
        ready.remove(sandboxId);
        Optional<String> network = networkOf.remove(sandboxId);
        if (network == null) {
            network = inspectQuietly(sandboxId).map(i -> i.getConfig().getLabels())
                    .filter(Labels::isSandbox).map(l -> l.get(Labels.NETWORK));
        }
        Parallel.forEach(containersOf(sandboxId, false), c -> forceRemove(c.getId()));
        forceRemove(sandboxId);
        network.filter(n -> settings.network() == null).ifPresent(networks::removeIfUnused);
    }

    /** The sandbox's status; see {@code ContainerRuntime#podSandboxStatus}. */
    public PodSandboxStatus status(String sandboxId) {
        InspectContainerResponse inspect = inspectQuietly(sandboxId)
                .filter(i -> Labels.isSandbox(i.getConfig().getLabels()))
                .orElseThrow(() -> new ContainerRuntimeException.NotFound(errors.endpoint(), ObjectKind.SANDBOX,
                        sandboxId));
        PodSandboxStatus status = StatusMapper.sandboxStatus(inspect);
        if (status.state() != SandboxState.READY) {
            ready.remove(status.id());
        }
        return status;
    }

    /** The sandboxes passing {@code filter}, oldest first. */
    public List<PodSandbox> list(PodSandboxFilter filter) {
        Map<String, String> labels = new LinkedHashMap<>(filter.labels());
        labels.put(RuntimeLabels.KIND, RuntimeLabels.KIND_SANDBOX);
        List<Container> listed;
        try {
            var cmd = docker.listContainersCmd().withShowAll(true).withLabelFilter(labels);
            if (filter.id() != null) {
                cmd.withIdFilter(List.of(filter.id()));
            }
            listed = cmd.exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, "listing pod sandboxes");
        }
        List<PodSandbox> sandboxes = new ArrayList<>();
        for (Container c : listed) {
            PodSandbox sandbox = StatusMapper.sandbox(c);
            if (filter.matches(sandbox)) {
                sandboxes.add(sandbox);
            }
        }
        Collections.reverse(sandboxes);
        return sandboxes;
    }

    private List<Container> containersOf(String sandboxId, boolean runningOnly) {
        try {
            var cmd = docker.listContainersCmd().withShowAll(!runningOnly)
                    .withLabelFilter(Map.of(RuntimeLabels.SANDBOX_ID, sandboxId));
            return cmd.exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.SANDBOX, sandboxId);
        }
    }

    private Optional<InspectContainerResponse> inspectQuietly(String id) {
        try {
            return Optional.of(docker.inspectContainerCmd(id).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.SANDBOX, id);
        }
    }

    private void kill(String id) {
        try {
            docker.killContainerCmd(id).exec();
        } catch (NotFoundException | ConflictException e) {
            // gone or not running: stopping is idempotent
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.SANDBOX, id);
        }
    }

    private void forceRemove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (ConflictException e) {
            if (!Errors.daemonMessage(e).contains("already in progress")) {
                throw errors.translate(e, ObjectKind.SANDBOX, id);
            }
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.SANDBOX, id);
        }
    }
}
