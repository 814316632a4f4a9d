package io.flotilla.runtime.containerd.internal;

import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.flotilla.api.runtime.ContainerStats;
import io.flotilla.api.runtime.ExecResult;
import io.flotilla.api.runtime.LogListener;
import io.flotilla.api.runtime.LogOptions;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.SandboxState;
import io.flotilla.api.runtime.Subscription;
import io.flotilla.runtime.containerd.cri.Cri;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Containers through the CRI: create, start, stop, remove, status, exec, logs (from the CRI log file) and stats.
 * The runtime adds the {@link RuntimeLabels#SANDBOX_ID} label, because a CRI {@code ContainerStatus} does not name
 * the sandbox. Checks the CRI leaves to free text (sandbox not ready, image missing, started twice, exec into an
 * exited container) are made first, so they fail with the SPI's exception kinds. Thread-safe.
 */
public final class CriContainers {
    private static final Duration LOG_POLL = Duration.ofMillis(100);
    private static final Duration EXEC_MARGIN = Duration.ofSeconds(10);
    private static final Duration STOP_MARGIN = Duration.ofSeconds(30);

    private final CriConnection cri;
    private final CriSandboxes sandboxes;
    private final CriImages images;
    private final HostVolumes volumes;
    private final EventHub events;
    private final Clock clock;

    /** Containers of {@code cri}. */
    public CriContainers(CriConnection cri, CriSandboxes sandboxes, CriImages images, HostVolumes volumes,
                         EventHub events, Clock clock) {
        this.cri = cri;
        this.sandboxes = sandboxes;
        this.images = images;
        this.volumes = volumes;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a container in a ready sandbox. */
    public String create(String sandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig) {
        if (sandboxes.status(sandboxId).state() != SandboxState.READY) {
            throw new ContainerRuntimeException.InvalidState(endpoint(), "pod sandbox " + sandboxId
                    + " is not ready: cannot create container " + config.metadata().name() + " in it");
        }
        if (images.status(config.image()).isEmpty()) {
            throw images.missing(config.image());
        }
        Cri.ContainerConfig criConfig = CriMapping.containerConfig(config, volumes::dataDirectory,
                Map.of(RuntimeLabels.SANDBOX_ID, sandboxId));
        String name = config.metadata().name() + " (attempt " + config.metadata().attempt() + ") in pod sandbox "
                + sandboxId;
        try {
            String id = cri.runtime().createContainer(Cri.CreateContainerRequest.newBuilder()
                    .setPodSandboxId(sandboxId).setConfig(criConfig)
                    .setSandboxConfig(sandboxes.criConfig(sandboxConfig)).build()).getContainerId();
            events.poke();
            return id;
        } catch (StatusRuntimeException e) {
            throw cri.errors().translate(e, ObjectKind.CONTAINER, name);
        }
    }

    /** Starts a created container. */
    public void start(String id) {
        RuntimeContainerStatus status = status(id);
        if (status.state() != ContainerRunState.CREATED) {
            throw new ContainerRuntimeException.InvalidState(endpoint(), "container " + id + " is "
                    + status.state().name().toLowerCase(Locale.ROOT) + ": only a created container can be started");
        }
        try {
            cri.runtime().startContainer(Cri.StartContainerRequest.newBuilder().setContainerId(id).build());
        } catch (StatusRuntimeException e) {
            throw cri.errors().translate(e, ObjectKind.CONTAINER, id);
        } finally {
            events.poke();
        }
    }

    /** Stops a container: SIGTERM, SIGKILL after {@code grace} (rounded up to whole seconds). Idempotent. */
    public void stop(String id, Duration grace) {
        long seconds = grace.isZero() || grace.isNegative() ? 0 : (grace.toMillis() + 999) / 1000;
        try {
            cri.runtime(Duration.ofSeconds(seconds).plus(STOP_MARGIN)).stopContainer(
                    Cri.StopContainerRequest.newBuilder().setContainerId(id).setTimeout(seconds).build());
            events.poke();
        } catch (StatusRuntimeException e) {
            if (!CriErrors.isNotFound(e)) {
                throw cri.errors().translate(e, ObjectKind.CONTAINER, id);
            }
        }
    }

    /** Removes a container, killing it first. Idempotent. */
    public void remove(String id) {
        events.relistNow(); // let the events see its last state before it vanishes
        try {
            cri.runtime().removeContainer(Cri.RemoveContainerRequest.newBuilder().setContainerId(id).build());
            events.poke();
        } catch (StatusRuntimeException e) {
            if (!CriErrors.isNotFound(e)) {
                throw cri.errors().translate(e, ObjectKind.CONTAINER, id);
            }
        }
    }

    /** The status of a container. */
    public RuntimeContainerStatus status(String id) {
        Cri.ContainerStatus s = rawStatus(id);
        String sandboxId = s.getLabelsMap().get(RuntimeLabels.SANDBOX_ID);
        if (sandboxId == null) {
            sandboxId = listRaw(Cri.ContainerFilter.newBuilder().setId(s.getId()).build()).stream()
                    .map(Cri.Container::getPodSandboxId).findFirst().orElse("");
        }
        return CriStatuses.container(s, sandboxId);
    }

    /** The CRI's status of a container. */
    public Cri.ContainerStatus rawStatus(String id) {
        try {
            return cri.runtime().containerStatus(Cri.ContainerStatusRequest.newBuilder().setContainerId(id).build())
                    .getStatus();
        } catch (StatusRuntimeException e) {
            throw CriErrors.isNotFound(e) ? new ContainerRuntimeException.NotFound(endpoint(), ObjectKind.CONTAINER,
                    id) : cri.errors().translate(e, ObjectKind.CONTAINER, id);
        }
    }

    /** The CRI's status of a container, or empty when it is gone. */
    public Optional<Cri.ContainerStatus> rawStatusIfPresent(String id) {
        try {
            return Optional.of(rawStatus(id));
        } catch (ContainerRuntimeException.NotFound e) {
            return Optional.empty();
        }
    }

    /** The containers passing {@code filter}, oldest first. */
    public List<RuntimeContainer> list(ContainerFilter filter) {
        Cri.ContainerFilter.Builder criFilter = Cri.ContainerFilter.newBuilder().putAllLabelSelector(filter.labels());
        if (filter.id() != null) {
            criFilter.setId(filter.id());
        }
        if (filter.podSandboxId() != null) {
            criFilter.setPodSandboxId(filter.podSandboxId());
        }
        if (filter.state() != null) {
            criFilter.setState(Cri.ContainerStateValue.newBuilder().setState(CriMapping.state(filter.state())));
        }
        return listRaw(criFilter.build()).stream().map(CriStatuses::container).filter(filter::matches)
                .sorted(Comparator.comparing(RuntimeContainer::createdAt)).toList();
    }

    /** The CRI's own list. */
    public List<Cri.Container> listRaw(Cri.ContainerFilter filter) {
        try {
            return cri.runtime().listContainers(Cri.ListContainersRequest.newBuilder().setFilter(filter).build())
                    .getContainersList();
        } catch (StatusRuntimeException e) {
            throw cri.errors().translate(e, "listing containers");
        }
    }

    /** Runs {@code command} in a running container, at most {@code timeout} (rounded up to whole seconds). */
    public ExecResult exec(String id, List<String> command, Duration timeout) {
        RuntimeContainerStatus status = status(id);
        if (status.state() != ContainerRunState.RUNNING) {
            throw new ContainerRuntimeException.InvalidState(endpoint(), "container " + id + " is "
                    + status.state().name().toLowerCase(Locale.ROOT) + ": commands run only in running containers");
        }
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        try {
            Cri.ExecSyncResponse response = cri.runtime(Duration.ofSeconds(seconds).plus(EXEC_MARGIN)).execSync(
                    Cri.ExecSyncRequest.newBuilder().setContainerId(id).addAllCmd(command).setTimeout(seconds)
                            .build());
            return ExecResult.of(response.getExitCode(), response.getStdout().toString(StandardCharsets.UTF_8),
                    response.getStderr().toString(StandardCharsets.UTF_8));
        } catch (StatusRuntimeException e) {
            if (isExecTimeout(e)) {
                return ExecResult.timeout("", "");
            }
            throw cri.errors().translate(e, ObjectKind.CONTAINER, id);
        }
    }

    /** Whether an {@code ExecSync} failure means the command outlived its timeout. */
    static boolean isExecTimeout(StatusRuntimeException e) {
        String message = CriErrors.runtimeMessage(e).toLowerCase(Locale.ROOT);
        return e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED
                || (message.contains("timeout") && message.contains("exceeded"));
    }

    /** Delivers the container's log from its CRI log file. */
    public Subscription logs(String id, LogOptions options, LogListener listener) {
        Cri.ContainerStatus status = rawStatus(id);
        if (status.getLogPath().isEmpty()) {
            throw new ContainerRuntimeException(endpoint(), "container " + id + " has no log file");
        }
        return LogFollower.start(Path.of(status.getLogPath()), options, listener, () -> finished(id), LOG_POLL,
                endpoint());
    }

    private boolean finished(String id) {
        return rawStatusIfPresent(id).map(s -> s.getState() == Cri.ContainerState.CONTAINER_EXITED).orElse(true);
    }

    /** A resource usage sample. */
    public ContainerStats stats(String id) {
        try {
            Cri.ContainerStats stats = cri.runtime().containerStats(Cri.ContainerStatsRequest.newBuilder()
                    .setContainerId(id).build()).getStats();
            return CriMapping.stats(id, stats, clock.instant());
        } catch (StatusRuntimeException e) {
            throw CriErrors.isNotFound(e) ? new ContainerRuntimeException.NotFound(endpoint(), ObjectKind.CONTAINER,
                    id) : cri.errors().translate(e, ObjectKind.CONTAINER, id);
        }
    }

    /** The ids of the containers (of any state) that mount {@code hostDirectory}. */
    public List<String> usersOf(Path hostDirectory) {
        String path = hostDirectory.toString();
        return listRaw(Cri.ContainerFilter.getDefaultInstance()).stream().map(Cri.Container::getId)
                .filter(id -> rawStatusIfPresent(id).map(s -> s.getMountsList().stream()
                        .anyMatch(m -> m.getHostPath().equals(path))).orElse(false))
                .toList();
    }

    private String endpoint() {
        return cri.endpoint().uri();
    }
}
