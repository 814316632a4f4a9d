package io.flotilla.api.core;

import java.time.Instant;

/**
 * A container's state: exactly one of waiting, running and terminated is set (none when unknown). Immutable.
 *
 * @param waiting    not running yet
 * @param running    running
 * @param terminated exited
 */
public record ContainerState(ContainerStateWaiting waiting, ContainerStateRunning running,
                             ContainerStateTerminated terminated) {

    /** Waiting for {@code reason}. */
    public static ContainerState waiting(String reason, String message) {
        return new ContainerState(new ContainerStateWaiting(reason, message), null, null);
    }

    /** Running since {@code startedAt}. */
    public static ContainerState running(Instant startedAt) {
        return new ContainerState(null, new ContainerStateRunning(startedAt), null);
    }

    /** Exited. */
    public static ContainerState terminated(ContainerStateTerminated terminated) {
        return new ContainerState(null, null, terminated);
    }

    /** Whether the container is running. */
    public boolean isRunning() {
        return running != null;
    }

    /** Whether the container has exited. */
    public boolean isTerminated() {
        return terminated != null;
    }
}
