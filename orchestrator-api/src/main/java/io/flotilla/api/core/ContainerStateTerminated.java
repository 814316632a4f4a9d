package io.flotilla.api.core;

import java.time.Instant;

/**
 * A container that exited. Immutable.
 *
 * @param exitCode    the exit status
 * @param signal      the signal that killed it, if any
 * @param reason      why, such as {@code Completed}, {@code Error} or {@code OOMKilled}
 * @param message     details, such as the termination message
 * @param startedAt   when it started
 * @param finishedAt  when it exited
 * @param containerID the runtime's id, {@code <runtime>://<id>}
 */
public record ContainerStateTerminated(Integer exitCode, Integer signal, String reason, String message,
                                       Instant startedAt, Instant finishedAt, String containerID) {
}
