package io.flotilla.api.core;

/**
 * Hooks the node agent runs right after a container starts and right before it is stopped. Immutable.
 *
 * @param postStart runs after the container is created; the container is not running until it succeeds
 * @param preStop   runs before the container is sent its stop signal, within the grace period
 */
public record Lifecycle(LifecycleHandler postStart, LifecycleHandler preStop) {

    /** Only a pre-stop hook. */
    public static Lifecycle preStop(LifecycleHandler handler) {
        return new Lifecycle(null, handler);
    }

    /** Only a post-start hook. */
    public static Lifecycle postStart(LifecycleHandler handler) {
        return new Lifecycle(handler, null);
    }
}
