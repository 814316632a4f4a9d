package io.flotilla.api.runtime;

import io.flotilla.api.internal.Immutables;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A container as listed by {@link ContainerRuntime#listContainers} (CRI {@code Container}). Immutable.
 *
 * @param id           the runtime's id; not {@code null}
 * @param podSandboxId the sandbox it belongs to; not {@code null}
 * @param metadata     its name in the pod and attempt; not {@code null}
 * @param image        the image as requested; not {@code null}
 * @param imageRef     the image id the runtime resolved, or {@code null} when unknown
 * @param state        its state; not {@code null}
 * @param createdAt    when it was created; not {@code null}
 * @param labels       the caller's labels
 * @param annotations  the caller's annotations
 */
public record RuntimeContainer(String id, String podSandboxId, ContainerMetadata metadata, ImageSpec image,
                               String imageRef, ContainerRunState state, Instant createdAt,
                               Map<String, String> labels, Map<String, String> annotations) {

    /** Checks and normalises the components. */
    public RuntimeContainer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(podSandboxId, "podSandboxId");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        labels = Immutables.map(labels);
        annotations = Immutables.map(annotations);
    }
}
