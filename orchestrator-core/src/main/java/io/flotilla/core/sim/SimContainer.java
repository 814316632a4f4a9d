package io.flotilla.core.sim;

import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ContainerStats;
import io.flotilla.api.runtime.Mount;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.core.time.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The mutable state of one simulated container. Guarded by the runtime's lock. */
final class SimContainer {
    final String id;
    final String sandboxId;
    final ContainerConfig config;
    final String imageRef;
    final Instant createdAt;
    final SimLog log = new SimLog();
    final List<Cancellable> timers = new ArrayList<>();
    final CompletableFuture<Void> exited = new CompletableFuture<>();
    ContainerRunState state = ContainerRunState.CREATED;
    boolean starting;
    SimBehavior behavior = SimBehavior.DEFAULT;
    Instant startedAt;
    Instant finishedAt;
    long startedNanos;
    long finishedNanos;
    int exitCode;
    String reason;
    String message;
    // the list view, rebuilt only when the state changed (nothing else in it changes): relists list every container
    private RuntimeContainer view;

    SimContainer(String id, String sandboxId, ContainerConfig config, String imageRef, Instant createdAt) {
        this.id = id;
        this.sandboxId = sandboxId;
        this.config = config;
        this.imageRef = imageRef;
        this.createdAt = createdAt;
    }

    boolean running() {
        return state == ContainerRunState.RUNNING;
    }

    /** How long the process has run at {@code nowNanos} (up to its end once it exited). */
    Duration uptime(long nowNanos) {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((running() ? nowNanos : finishedNanos) - startedNanos);
    }

    ContainerStats stats(Instant now, long nowNanos) {
        long nanos = uptime(nowNanos).toNanos();
        long cpu = (nanos / 1000) * behavior.cpuMillis() + (nanos % 1000) * behavior.cpuMillis() / 1000;
        return new ContainerStats(id, now, cpu, running() ? behavior.memoryBytes() : 0);
    }

    /** The volume and path inside it that {@code containerPath} resolves to through this container's mounts. */
    Optional<String[]> resolveVolumePath(String containerPath) {
        for (Mount mount : config.mounts()) {
            String prefix = mount.containerPath().endsWith("/") ? mount.containerPath() : mount.containerPath() + "/";
            if (mount.volumeName() != null && containerPath.startsWith(prefix)) {
                return Optional.of(new String[] {mount.volumeName(), containerPath.substring(prefix.length())});
            }
        }
        return Optional.empty();
    }

    void cancelTimers() {
        timers.forEach(Cancellable::cancel);
        timers.clear();
    }

    RuntimeContainer toContainer() {
        RuntimeContainer last = view;
        if (last == null || last.state() != state) {
            last = new RuntimeContainer(id, sandboxId, config.metadata(), config.image(), imageRef, state, createdAt,
                    config.labels(), config.annotations());
            view = last;
        }
        return last;
    }

    RuntimeContainerStatus toStatus() {
        return new RuntimeContainerStatus(id, sandboxId, config.metadata(), state, createdAt, startedAt, finishedAt,
                exitCode, config.image(), imageRef, reason, message, config.labels(), config.annotations());
    }
}
