package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ImageSpec;
import io.flotilla.api.runtime.PodSandbox;
import io.flotilla.api.runtime.PodSandboxStatus;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.SandboxState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Maps Docker's view of a container (inspect or list) onto the SPI's status records: Docker states onto
 * {@link ContainerRunState} and {@link SandboxState}, exits onto Kubernetes reasons ({@code OOMKilled},
 * {@code Completed}, {@code Error}), Docker's zero time onto {@code null}, metadata from the runtime's labels.
 * Stateless and thread-safe.
 */
public final class StatusMapper {
    private static final String DOCKER_ZERO_TIME = "0001-01-01T00:00:00Z";

    private StatusMapper() {
    }

    /** The SPI state of Docker state {@code status} ({@code created}, {@code running}, {@code exited}, ...). */
    public static ContainerRunState runState(String status) {
        if (status == null) {
            return ContainerRunState.UNKNOWN;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "created" -> ContainerRunState.CREATED;
            case "running", "paused", "restarting" -> ContainerRunState.RUNNING;
            case "exited", "dead", "removing" -> ContainerRunState.EXITED;
            default -> ContainerRunState.UNKNOWN;
        };
    }

    /** The status of a container from its inspection. */
    public static RuntimeContainerStatus containerStatus(InspectContainerResponse inspect) {
        Map<String, String> labels = inspect.getConfig().getLabels();
        InspectContainerResponse.ContainerState state = inspect.getState();
        ContainerRunState runState = runState(state.getStatus());
        boolean exited = runState == ContainerRunState.EXITED;
        int exitCode = exited && state.getExitCodeLong() != null ? state.getExitCodeLong().intValue() : 0;
        boolean oom = Boolean.TRUE.equals(state.getOOMKilled());
        String error = state.getError();
        Instant created = time(inspect.getCreated());
        Instant finished = exited ? time(state.getFinishedAt()) : null;
        Instant started = startedAt(time(state.getStartedAt()), created, finished);
        return new RuntimeContainerStatus(inspect.getId(), labels.getOrDefault(RuntimeLabels.SANDBOX_ID, ""),
                Labels.containerMetadata(labels, trimName(inspect.getName())), runState, created, started, finished,
                exitCode, ImageSpec.of(labels.getOrDefault(Labels.IMAGE, inspect.getConfig().getImage())),
                inspect.getImageId(), exited ? RuntimeContainerStatus.exitReason(exitCode, oom) : null,
                error == null || error.isBlank() ? null : error, Labels.visible(labels), Labels.annotations(labels));
    }

    /**
     * Docker records a start time after the process was launched, so a process that exits at once can show a start
     * after its finish; the SPI promises {@code created <= started <= finished}, so the start is clamped into that.
     */
    static Instant startedAt(Instant started, Instant created, Instant finished) {
        if (started == null) {
            return null;
        }
        Instant clamped = finished != null && started.isAfter(finished) ? finished : started;
        return created != null && clamped.isBefore(created) ? created : clamped;
    }

    /** A container from a listing. */
    public static RuntimeContainer container(Container listed) {
        Map<String, String> labels = listed.getLabels();
        String name = listed.getNames() == null || listed.getNames().length == 0 ? listed.getId()
                : trimName(listed.getNames()[0]);
        return new RuntimeContainer(listed.getId(), labels.getOrDefault(RuntimeLabels.SANDBOX_ID, ""),
                Labels.containerMetadata(labels, name),
                ImageSpec.of(labels.getOrDefault(Labels.IMAGE, listed.getImage())), listed.getImageId(),
                runState(listed.getState()), Instant.ofEpochSecond(listed.getCreated() == null ? 0 : listed.getCreated()),
                Labels.visible(labels), Labels.annotations(labels));
    }

    /** The status of a sandbox from its inspection: ready while running, with the IP on its network. */
    public static PodSandboxStatus sandboxStatus(InspectContainerResponse inspect) {
        Map<String, String> labels = inspect.getConfig().getLabels();
        boolean ready = Boolean.TRUE.equals(inspect.getState().getRunning());
        boolean hostNetwork = "true".equals(labels.get(Labels.HOST_NETWORK));
        String ip = ready && !hostNetwork ? ip(inspect, labels.get(Labels.NETWORK)) : null;
        return new PodSandboxStatus(inspect.getId(), Labels.sandboxMetadata(labels, trimName(inspect.getName())),
                ready ? SandboxState.READY : SandboxState.NOTREADY, time(inspect.getCreated()), ip, hostNetwork,
                Labels.visible(labels), Labels.annotations(labels));
    }

    /** A sandbox from a listing. */
    public static PodSandbox sandbox(Container listed) {
        Map<String, String> labels = listed.getLabels();
        String name = listed.getNames() == null || listed.getNames().length == 0 ? listed.getId()
                : trimName(listed.getNames()[0]);
        return new PodSandbox(listed.getId(), Labels.sandboxMetadata(labels, name),
                runState(listed.getState()) == ContainerRunState.RUNNING ? SandboxState.READY : SandboxState.NOTREADY,
                Instant.ofEpochSecond(listed.getCreated() == null ? 0 : listed.getCreated()),
                Labels.visible(labels), Labels.annotations(labels));
    }

    private static String ip(InspectContainerResponse inspect, String network) {
        if (inspect.getNetworkSettings() == null || inspect.getNetworkSettings().getNetworks() == null) {
            return null;
        }
        Map<String, ContainerNetwork> networks = inspect.getNetworkSettings().getNetworks();
        ContainerNetwork mine = network == null ? null : networks.get(network);
        if (mine == null && !networks.isEmpty()) {
            mine = networks.values().iterator().next();
        }
        return mine == null || mine.getIpAddress() == null || mine.getIpAddress().isBlank() ? null
                : mine.getIpAddress();
    }

    /** An RFC 3339 time from Docker, or {@code null} for Docker's zero time, blanks and garbage. */
    public static Instant time(String value) {
        if (value == null || value.isBlank() || value.startsWith(DOCKER_ZERO_TIME.substring(0, 10))) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(value).toInstant();
        }
    }

    private static String trimName(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }
}
