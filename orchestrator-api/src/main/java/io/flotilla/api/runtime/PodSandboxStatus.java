package io.flotilla.api.runtime;

import io.flotilla.api.internal.Immutables;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The full status of a pod sandbox (CRI {@code PodSandboxStatus}), with its network. Immutable.
 *
 * @param id          the runtime's id; not {@code null}
 * @param metadata    which pod; not {@code null}
 * @param state       ready or not; not {@code null}
 * @param createdAt   when it was created; not {@code null}
 * @param ip          the pod IP, shared by all containers of the sandbox; {@code null} for host-network pods or
 *                    when the sandbox is not ready
 * @param hostNetwork whether the sandbox uses the host's network
 * @param labels      the caller's labels
 * @param annotations the caller's annotations
 */
public record PodSandboxStatus(String id, PodSandboxMetadata metadata, SandboxState state, Instant createdAt,
                               String ip, boolean hostNetwork, Map<String, String> labels,
                               Map<String, String> annotations) {

    /** Checks and normalises the components. */
    public PodSandboxStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        labels = Immutables.map(labels);
        annotations = Immutables.map(annotations);
    }
}
