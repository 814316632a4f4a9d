package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.flotilla.api.runtime.ContainerConfig;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    private final InlineSandboxes inline;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private final Map<String, Optional<String>> networkOf = new ConcurrentHashMap<>();
    /** Starts of sandboxes {@link #begin} returned, until the sandbox is stopped or removed. */
    private final Map<String, CompletableFuture<Void>> starting = new ConcurrentHashMap<>();

    /** Sandboxes on the engine behind {@code docker}. */
    public Sandboxes(DockerClient docker, Settings settings, Errors errors, Networks networks, Images images) {
        this.docker = docker;
        this.settings = settings;
        this.errors = errors;
        this.networks = networks;
        this.images = images;
        this.inline = new InlineSandboxes(docker, errors, networks);
    }

    /** Creates and starts the sandbox of {@code config}; see {@code ContainerRuntime#runPodSandbox}. */
    public String run(PodSandboxConfig config) {
        String cluster = config.labels().get(RuntimeLabels.CLUSTER);
        String network = network(config);
        Optional<String> inlineId = inline.create(config, network);
        if (inlineId.isPresent()) {
            return inlineId.get();
        }
        String name = Names.sandbox(config.metadata());
        String id = network == null ? createAndStart(config, null, name, null)
                : networks.withNetwork(network, cluster, () -> createAndStart(config, network, name, null));
        networkOf.put(id, Optional.ofNullable(network));
        ready.add(id);
        return id;
    }

    private String network(PodSandboxConfig config) {
        String cluster = config.labels().get(RuntimeLabels.CLUSTER);
        return config.hostNetwork() ? null : settings.network() != null ? settings.network() : Names.network(cluster);
    }

    /**
     * Creates the sandbox of {@code config} and returns its id while a virtual thread starts it; see
     * {@code ContainerRuntime#beginPodSandbox}. The thread holds the network as {@link Networks#withNetwork} does
     * from the create to the end of the start, so the network cannot be removed in between; a start that finds the
     * network gone fails (the pod's next sync creates a new sandbox) instead of retrying with another container.
     */
    public String begin(PodSandboxConfig config) {
        String cluster = config.labels().get(RuntimeLabels.CLUSTER);
        String network = network(config);
        Optional<String> inlineId = inline.create(config, network);
        if (inlineId.isPresent()) {
            return inlineId.get(); // nothing to start
        }
        String name = Names.sandbox(config.metadata());
        CompletableFuture<String> created = new CompletableFuture<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread.ofVirtual().name("flotilla-sandbox-start-" + name).start(() -> {
            try {
                String id = network == null ? createAndStart(config, null, name, created)
                        : networks.withNetwork(network, cluster, () -> createAndStart(config, network, name, created));
                networkOf.put(id, Optional.ofNullable(network));
                ready.add(id);
                started.complete(null);
            } catch (RuntimeException e) {
                RuntimeException failure = e instanceof ContainerRuntimeException ? e
                        : errors.translate(e, ObjectKind.SANDBOX, name);
                created.completeExceptionally(failure);
                started.completeExceptionally(failure);
            }
        });
        String id = join(created);
        starting.put(id, started);
        return id;
    }

    /**
     * Waits until the start of a sandbox {@link #begin} returned has finished (at once for any other sandbox).
     *
     * @throws ContainerRuntimeException what the start failed with; the sandbox is then removed
     */
    public void awaitStart(String sandboxId) {
        CompletableFuture<Void> started = starting.get(sandboxId);
        if (started != null) {
            join(started);
        }
    }

    /** Whether {@code sandboxId} is being started by {@link #begin} or was started without a failure. */
    private boolean startingOrReady(String sandboxId) {
        CompletableFuture<Void> started = starting.get(sandboxId);
        return started != null ? !started.isCompletedExceptionally() : ready.contains(sandboxId);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Creates and starts the sandbox container; {@code created}, if not {@code null}, is told its id in between. */
    private String createAndStart(PodSandboxConfig config, String network, String name,
                                  CompletableFuture<String> created) {
        if (created != null && created.isDone()) {
            // withNetwork retries after the network vanished; begin's caller already holds the first sandbox's id
            throw new ContainerRuntimeException.InvalidState(errors.endpoint(), "pod sandbox " + name
                    + " could not start: its network " + network + " was removed meanwhile");
        }
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
        if (created != null) {
            created.complete(id);
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
     * Checks that {@code sandboxId} is a ready sandbox (or one still starting) before a container is created in it.
     *
     * @throws ContainerRuntimeException.NotFound     if it is not a sandbox
     * @throws ContainerRuntimeException.InvalidState if it is not ready
     */
    public void checkReady(String sandboxId) {
        if (startingOrReady(sandboxId)) {
            return;
        }
        if (InlineSandboxes.isInline(sandboxId) ? !inline.isReady(sandboxId) : status(sandboxId).state() != SandboxState.READY) {
            throw new ContainerRuntimeException.InvalidState(errors.endpoint(),
                    "pod sandbox " + sandboxId + " is not ready");
        }
    }

    /**
     * Points an application container's create at its sandbox's network namespace: nothing more for a pause
     * sandbox ({@link ContainerSpecs} joins it), the pod's own network for an inline one ({@link InlineSandboxes}).
     */
    public void configureContainer(CreateContainerCmd cmd, String sandboxId, ContainerConfig config,
                                   PodSandboxConfig sandboxConfig) {
        if (InlineSandboxes.isInline(sandboxId)) {
            inline.configure(cmd, sandboxId, config, sandboxConfig, settings.defaultHostIp());
        }
    }

    /**
     * The container holding {@code sandboxId}'s network: the pause container, or an inline sandbox's container.
     *
     * @throws ContainerRuntimeException.NotFound if there is none
     */
    public String networkHolder(String sandboxId) {
        return InlineSandboxes.isInline(sandboxId) ? inline.holder(sandboxId) : sandboxId;
    }

    /** Kills the sandbox's running containers, then the sandbox. Idempotent. */
    public void stop(String sandboxId) {
        settleStart(sandboxId);
        ready.remove(sandboxId);
        List<Container> running = containersOf(sandboxId, true);
        Parallel.forEach(running, c -> kill(c.getId()));
        if (InlineSandboxes.isInline(sandboxId)) {
            inline.stopped(sandboxId);
        } else {
            kill(sandboxId);
        }
    }

    /** Force-removes the sandbox's containers, the sandbox and, if it was the last, its network. Idempotent. */
    public void remove(String sandboxId) {
        settleStart(sandboxId);
        ready.remove(sandboxId);
        boolean isInline = InlineSandboxes.isInline(sandboxId);
        Optional<String> network = isInline ? inline.network(sandboxId) : networkOf.remove(sandboxId);
        if (network == null) {
            network = inspectQuietly(sandboxId).map(i -> i.getConfig().getLabels())
                    .filter(Labels::isSandbox).map(l -> l.get(Labels.NETWORK));
        }
        Parallel.forEach(containersOf(sandboxId, false), c -> forceRemove(c.getId()));
        if (isInline) {
            inline.removed(sandboxId); // after its containers: only then is its address free
        } else {
            forceRemove(sandboxId);
        }
        network.filter(n -> settings.network() == null && !inline.holds(n)).ifPresent(networks::removeIfUnused);
    }

    /** Lets a start in flight finish (a failed one removed the sandbox already) and forgets it. */
    private void settleStart(String sandboxId) {
        CompletableFuture<Void> started = starting.remove(sandboxId);
        if (started != null) {
            try {
                started.join();
            } catch (CompletionException | CancellationException e) {
                // the sandbox was removed when its start failed
            }
        }
    }

    /** The sandbox's status; see {@code ContainerRuntime#podSandboxStatus}. */
    public PodSandboxStatus status(String sandboxId) {
        if (InlineSandboxes.isInline(sandboxId)) {
            return inline.status(sandboxId);
        }
        awaitStart(sandboxId);
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
            if (filter.id() != null && InlineSandboxes.isInline(filter.id())) {
                return inline.list(filter);
            }
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
        Collections.reverse(sandboxes); // Docker lists the newest first
        sandboxes.addAll(inline.list(filter));
        sandboxes.sort(Comparator.comparing(PodSandbox::createdAt)); // stable: Docker's order within a second
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
