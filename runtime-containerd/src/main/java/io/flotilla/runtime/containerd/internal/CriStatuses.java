package io.flotilla.runtime.containerd.internal;

import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ImageSpec;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.runtime.containerd.cri.Cri;
import java.time.Instant;

/**
 * Maps the CRI's container listings and statuses onto the SPI's records, with Kubernetes' exit reasons. Stateless and
 * thread-safe.
 */
public final class CriStatuses {
    private static final String OOM_KILLED = "OOMKilled";

    private CriStatuses() {
    }

    /**
     * {@code time}, moved up to {@code floor} if it is earlier. containerd stamps a start after the task started and
     * an exit from the exit event, so a process that exits at once can look as if it finished before it started.
     */
    static Instant notBefore(Instant time, Instant floor) {
        return time == null || floor == null || !time.isBefore(floor) ? time : floor;
    }

    /** The SPI's form of a listed container. */
    public static RuntimeContainer container(Cri.Container c) {
        return new RuntimeContainer(c.getId(), c.getPodSandboxId(), CriMapping.metadata(c.getMetadata()),
                ImageSpec.of(c.getImage().getImage().isEmpty() ? "unknown" : c.getImage().getImage()),
                CriMapping.emptyToNull(c.getImageRef()), CriMapping.state(c.getState()),
                CriMapping.requiredInstant(c.getCreatedAt()), c.getLabelsMap(), c.getAnnotationsMap());
    }

    /**
     * The SPI's form of a container status in sandbox {@code sandboxId}: the reason of an exited container is
     * {@code OOMKilled}, {@code Error} or {@code Completed}; a running one has none. Times are kept in order
     * (created, started, finished).
     */
    public static RuntimeContainerStatus container(Cri.ContainerStatus s, String sandboxId) {
        ContainerRunState state = CriMapping.state(s.getState());
        boolean exited = state == ContainerRunState.EXITED;
        String reason = exited ? RuntimeContainerStatus.exitReason(s.getExitCode(), OOM_KILLED.equals(s.getReason()))
                : CriMapping.emptyToNull(s.getReason());
        Instant created = CriMapping.requiredInstant(s.getCreatedAt());
        Instant started = notBefore(CriMapping.instant(s.getStartedAt()), created);
        Instant finished = exited ? notBefore(CriMapping.instant(s.getFinishedAt()), started) : null;
        return new RuntimeContainerStatus(s.getId(), sandboxId, CriMapping.metadata(s.getMetadata()), state,
                created, started, finished, exited ? s.getExitCode() : 0,
                ImageSpec.of(s.getImage().getImage().isEmpty() ? "unknown" : s.getImage().getImage()),
                CriMapping.emptyToNull(s.getImageRef()), reason, CriMapping.emptyToNull(s.getMessage()),
                s.getLabelsMap(), s.getAnnotationsMap());
    }
}
