package io.flotilla.api.core;

import java.time.Instant;

/**
 * A running container. Immutable.
 *
 * @param startedAt when it (last) started
 */
public record ContainerStateRunning(Instant startedAt) {
}
