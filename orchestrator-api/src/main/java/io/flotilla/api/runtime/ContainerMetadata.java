package io.flotilla.api.runtime;

import java.util.Objects;

/**
 * Identifies a container within its sandbox (CRI {@code ContainerMetadata}): the pod's container name and the
 * attempt, which is the container's restart count. Immutable.
 *
 * @param name    the container's name in the pod; not {@code null}
 * @param attempt 0 for the first container of this name in the sandbox, then 1, 2, ... per restart
 */
public record ContainerMetadata(String name, int attempt) {

    /** Checks the components. */
    public ContainerMetadata {
        Objects.requireNonNull(name, "name");
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative: " + attempt);
        }
    }
}
