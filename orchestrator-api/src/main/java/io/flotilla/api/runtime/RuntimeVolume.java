package io.flotilla.api.runtime;

import io.flotilla.api.internal.Immutables;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A named volume on the runtime's host (see {@link ContainerRuntime#createVolume}). Immutable.
 *
 * @param name      the volume's name; not {@code null}
 * @param labels    the caller's labels
 * @param createdAt when it was created, or {@code null} when the runtime does not know
 */
public record RuntimeVolume(String name, Map<String, String> labels, Instant createdAt) {

    /** Checks and normalises the components. */
    public RuntimeVolume {
        Objects.requireNonNull(name, "name");
        labels = Immutables.map(labels);
    }
}
