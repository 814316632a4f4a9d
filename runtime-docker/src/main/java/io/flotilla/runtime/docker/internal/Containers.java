package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.api.runtime.RuntimeLabels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Application containers inside sandboxes: create, start, stop with a grace period, force-remove, status and
 * listings.
 *
 * <p>Design notes: Docker restarts an exited container when asked to start it, while the SPI (like CRI) forbids a
 * second start. Containers this runtime created and has not started yet are remembered, so their start needs no
 * inspection; any other start is checked with one. Thread-safe.
 */
public final class Containers {
    private final DockerClient docker;
    private final Errors errors;
    private final Sandboxes sandboxes;
    private final Images images;
    private final Set<String> neverStarted = ConcurrentHashMap.newKeySet();
    /** The sandbox of each container in {@link #neverStarted}: its start waits for a sandbox still starting. */
    private final Map<String, String> sandboxOf = new ConcurrentHashMap<>();

    /** Containers on the engine behind {@code docker}. */
    public Containers(DockerClient docker, Errors errors, Sandboxes sandboxes, Images images) {
        this.docker = docker;
        this.errors = errors;
        this.sandboxes = sandboxes;
        this.images = images;
    }

    /** Creates a container; see {@code ContainerRuntime#createContainer}. */
    public String create(String sandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig) {
        sandboxes.checkReady(sandboxId);
        String name = Names.container(config.metadata(), sandboxConfig.metadata(), sandboxId);
        try {
            CreateContainerCmd cmd = ContainerSpecs.apply(docker.createContainerCmd(config.image().image())
                    .withName(name), config, sandboxId, sandboxConfig);
            sandboxes.configureContainer(cmd, sandboxId, config, sandboxConfig);
            String id = cmd.exec().getId();
            sandboxOf.put(id, sandboxId);
            neverStarted.add(id);
            return id;
        } catch (NotFoundException e) {
            if (Errors.mentionsMissingImage(e)) {
                images.forget(config.image().image());
                throw new ContainerRuntimeException.NotFound(errors.endpoint(), ObjectKind.IMAGE,
                        config.image().image());
            }
            throw new ContainerRuntimeException.NotFound(errors.endpoint(), ObjectKind.SANDBOX, sandboxId);
        } catch (ConflictException e) {
            throw new ContainerRuntimeException.AlreadyExists(errors.endpoint(), ObjectKind.CONTAINER, name);
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.CONTAINER, name);
        }
    }

    private void forget(String containerId) {
        neverStarted.remove(containerId);
        sandboxOf.remove(containerId);
    }

    /** Starts a created container; see {@code ContainerRuntime#startContainer}. */
    public void start(String containerId) {
        String sandboxId = sandboxOf.remove(containerId);
        if (sandboxId != null) {
            try {
                sandboxes.awaitStart(sandboxId);
            } catch (ContainerRuntimeException e) {
                throw new ContainerRuntimeException.InvalidState(errors.endpoint(), "container " + containerId
                        + " cannot start: its pod sandbox failed to start (" + e.getMessage() + ")");
            }
        }
        if (!neverStarted.remove(containerId)) {
            ContainerRunState state = StatusMapper.runState(inspect(containerId).getState().getStatus());
            if (state != ContainerRunState.CREATED) {
                throw new ContainerRuntimeException.InvalidState(errors.endpoint(),
                        "container " + containerId + " was started before (it is " + state + ")");
            }
        }
        try {
            docker.startContainerCmd(containerId).exec();
        } catch (NotModifiedException e) {
            throw new ContainerRuntimeException.InvalidState(errors.endpoint(),
                    "container " + containerId + " is already running");
        } catch (RuntimeException e) {
            String message = Errors.daemonMessage(e);
            if (message.contains("non running container") || message.contains("cannot join network")) {
                throw new ContainerRuntimeException.InvalidState(errors.endpoint(), "container " + containerId
                        + " cannot start: its pod sandbox is not running (" + message + ")");
            }
            throw errors.translate(e, ObjectKind.CONTAINER, containerId);
        }
    }

    /** SIGTERM, then SIGKILL after {@code gracePeriod}; zero kills at once. Idempotent. */
    public void stop(String containerId, Duration gracePeriod) {
        forget(containerId);
        try {
            if (gracePeriod.isZero() || gracePeriod.isNegative()) {
                docker.killContainerCmd(containerId).exec();
            } else {
                long seconds = Math.max(1, (gracePeriod.toMillis() + 999) / 1000);
                docker.stopContainerCmd(containerId).withTimeout((int) Math.min(Integer.MAX_VALUE, seconds)).exec();
            }
        } catch (NotFoundException | NotModifiedException | ConflictException e) {
            // gone or not running: stopping is idempotent
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.CONTAINER, containerId);
        }
    }

    /** Force-removes a container (killing it). Idempotent. */
    public void remove(String containerId) {
        forget(containerId);
        try {
            docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (ConflictException e) {
            if (!Errors.daemonMessage(e).contains("already in progress")) {
                throw errors.translate(e, ObjectKind.CONTAINER, containerId);
            }
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.CONTAINER, containerId);
        }
    }

    /** The container's status; see {@code ContainerRuntime#containerStatus}. */
    public RuntimeContainerStatus status(String containerId) {
        return StatusMapper.containerStatus(inspect(containerId));
    }

    /**
     * Inspects one of this runtime's application containers.
     *
     * @throws ContainerRuntimeException.NotFound if there is none with that id
     */
    public InspectContainerResponse inspect(String containerId) {
        try {
            InspectContainerResponse inspect = docker.inspectContainerCmd(containerId).exec();
            if (!Labels.isContainer(inspect.getConfig().getLabels())) {
                throw new ContainerRuntimeException.NotFound(errors.endpoint(), ObjectKind.CONTAINER, containerId);
            }
            return inspect;
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.CONTAINER, containerId);
        }
    }

    /** The containers passing {@code filter}, oldest first. */
    public List<RuntimeContainer> list(ContainerFilter filter) {
        Map<String, String> labels = new LinkedHashMap<>(filter.labels());
        labels.put(RuntimeLabels.KIND, RuntimeLabels.KIND_CONTAINER);
        if (filter.podSandboxId() != null) {
            labels.put(RuntimeLabels.SANDBOX_ID, filter.podSandboxId());
        }
        List<Container> listed;
        try {
            var cmd = docker.listContainersCmd().withShowAll(true).withLabelFilter(labels);
            if (filter.id() != null) {
                cmd.withIdFilter(List.of(filter.id()));
            }
            if (filter.state() != null && filter.state() != ContainerRunState.UNKNOWN) {
                cmd.withStatusFilter(List.of(filter.state().name().toLowerCase(Locale.ROOT)));
            }
            listed = cmd.exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, "listing containers");
        }
        List<RuntimeContainer> containers = new ArrayList<>(listed.size());
        for (Container c : listed) {
            RuntimeContainer container = StatusMapper.container(c);
            if (filter.matches(container)) {
                containers.add(container);
            }
        }
        Collections.reverse(containers);
        return containers;
    }
}
