package io.flotilla.api.runtime;

import io.flotilla.api.internal.Immutables;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A pod sandbox as listed by {@link ContainerRuntime#listPodSandboxes} (CRI {@code PodSandbox}). Immutable.
 *
 * @param id          the runtime's id; not {@code null}
 * @param metadata    which pod; not {@code null}
 * @param state       ready or not; not {@code null}
 * @param createdAt   when it was created; not {@code null}
 * @param labels      the caller's labels
 * @param annotations the caller's annotations
 */
public record PodSandbox(String id, PodSandboxMetadata metadata, SandboxState state, Instant createdAt,
                         Map<String, String> labels, Map<String, String> annotations) {

    /** Checks and normalises the components. */
    public PodSandbox {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        labels = Immutables.map(labels);
        annotations = Immutables.map(annotations);
    }
}
