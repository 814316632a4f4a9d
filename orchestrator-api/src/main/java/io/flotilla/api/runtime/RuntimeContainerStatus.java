package io.flotilla.api.runtime;

import io.flotilla.api.internal.Immutables;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The full status of a container (CRI {@code ContainerStatus}). Immutable.
 *
 * @param id           the runtime's id; not {@code null}
 * @param podSandboxId the sandbox it belongs to; not {@code null}
 * @param metadata     its name in the pod and attempt; not {@code null}
 * @param state        its state; not {@code null}
 * @param createdAt    when it was created; not {@code null}
 * @param startedAt    when its process started, or {@code null} if it never did
 * @param finishedAt   when its process ended, or {@code null} if it has not
 * @param exitCode     the exit code when {@link ContainerRunState#EXITED}, otherwise 0
 * @param image        the image as requested; not {@code null}
 * @param imageRef     the image id the runtime resolved, or {@code null}
 * @param reason       why it exited, when it did: {@link #OOM_KILLED}, {@link #ERROR} or {@link #COMPLETED}; or
 *                     {@code null}
 * @param message      a human-readable detail, or {@code null}
 * @param labels       the caller's labels
 * @param annotations  the caller's annotations
 */
public record RuntimeContainerStatus(String id, String podSandboxId, ContainerMetadata metadata,
                                     ContainerRunState state, Instant createdAt, Instant startedAt,
                                     Instant finishedAt, int exitCode, ImageSpec image, String imageRef,
                                     String reason, String message, Map<String, String> labels,
                                     Map<String, String> annotations) {
    /** The reason of a container killed for exceeding its memory limit. */
    public static final String OOM_KILLED = "OOMKilled";
    /** The reason of a container that exited non-zero. */
    public static final String ERROR = "Error";
    /** The reason of a container that exited zero. */
    public static final String COMPLETED = "Completed";

    /** Checks and normalises the components. */
    public RuntimeContainerStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(podSandboxId, "podSandboxId");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(image, "image");
        labels = Immutables.map(labels);
        annotations = Immutables.map(annotations);
    }

    /** The reason Kubernetes gives an exit: {@link #OOM_KILLED} if {@code oomKilled}, else by exit code. */
    public static String exitReason(int exitCode, boolean oomKilled) {
        if (oomKilled) {
            return OOM_KILLED;
        }
        return exitCode == 0 ? COMPLETED : ERROR;
    }

    /** How often the container was restarted before this one: its {@linkplain ContainerMetadata#attempt attempt}. */
    public int restartCount() {
        return metadata.attempt();
    }
}
