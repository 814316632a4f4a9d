package io.flotilla.api.core;

/**
 * What the node agent observed of one container. Immutable.
 *
 * @param name         the container's name
 * @param state        its current state
 * @param lastState    its state before the last restart
 * @param ready        whether it passes its readiness probe
 * @param restartCount how often it was restarted
 * @param image        the image it runs
 * @param imageID      the resolved image id
 * @param containerID  the runtime's id, {@code <runtime>://<id>}
 * @param started      whether it passed its startup probe (or has none and is running)
 */
public record ContainerStatus(String name, ContainerState state, ContainerState lastState, Boolean ready,
                              Integer restartCount, String image, String imageID, String containerID,
                              Boolean started) {

    /** Whether the container is ready. */
    public boolean isReady() {
        return Boolean.TRUE.equals(ready);
    }

    /** The restart count, 0 when unset. */
    public int effectiveRestartCount() {
        return restartCount == null ? 0 : restartCount;
    }
}
