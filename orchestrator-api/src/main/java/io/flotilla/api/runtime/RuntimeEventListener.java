package io.flotilla.api.runtime;

/**
 * Receives {@link ContainerRuntime#subscribe runtime events}. Calls come from one thread at a time, on a thread of
 * the runtime's choosing; events of one object arrive in the order they happened. Implementations must not block
 * for long (hand work to a queue).
 *
 * <p>Events are a hint, not the truth: a runtime may lose events (a dropped connection to the daemon, a burst that
 * overflows a buffer). When it knows it may have, it calls {@link #onGap}, and the listener must relist
 * ({@link ContainerRuntime#listContainers}, {@link ContainerRuntime#listPodSandboxes}) to catch up. Agents should
 * also relist periodically, as kubelet's PLEG does.
 */
public interface RuntimeEventListener {

    /** One event. */
    void onEvent(RuntimeEvent event);

    /**
     * Events may have been missed (for example after the runtime reconnected to its daemon): relist now. The
     * default does nothing.
     *
     * @param reason why, for logs
     */
    default void onGap(String reason) {
    }
}
