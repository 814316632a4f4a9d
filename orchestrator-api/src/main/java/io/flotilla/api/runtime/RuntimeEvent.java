package io.flotilla.api.runtime;

import io.flotilla.api.internal.Immutables;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to a sandbox or container on the runtime (like CRI {@code ContainerEventResponse}), so an
 * agent can react instead of polling. Events carry the object's labels, so the agent can route them to the pod
 * without a lookup. Immutable.
 *
 * @param type         what happened; not {@code null}
 * @param podSandboxId the sandbox concerned (for container events: the container's sandbox), or {@code null} when
 *                     the runtime cannot tell
 * @param containerId  the container concerned, or {@code null} for sandbox events
 * @param time         when it happened; not {@code null}
 * @param exitCode     the exit code for {@link Type#CONTAINER_EXITED}, otherwise 0
 * @param labels       the object's labels
 */
public record RuntimeEvent(Type type, String podSandboxId, String containerId, Instant time, int exitCode,
                           Map<String, String> labels) {

    /** Checks and normalises the components. */
    public RuntimeEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        labels = Immutables.map(labels);
        if (type.isContainerEvent()) {
            Objects.requireNonNull(containerId, "containerId");
        }
    }

    /** The kinds of event. */
    public enum Type {
        /** A sandbox was created and is ready. */
        SANDBOX_READY,
        /** A sandbox was stopped. */
        SANDBOX_STOPPED,
        /** A sandbox was removed. */
        SANDBOX_DELETED,
        /** A container was created. */
        CONTAINER_CREATED,
        /** A container's process started. */
        CONTAINER_STARTED,
        /** A container hit its memory limit; a {@link #CONTAINER_EXITED} follows when it was killed. */
        CONTAINER_OOM,
        /** A container's process ended; see {@link RuntimeEvent#exitCode()}. */
        CONTAINER_EXITED,
        /** A container was removed. */
        CONTAINER_DELETED;

        /** Whether events of this type concern a container. */
        public boolean isContainerEvent() {
            return name().startsWith("CONTAINER_");
        }
    }
}
