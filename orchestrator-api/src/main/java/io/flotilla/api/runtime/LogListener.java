package io.flotilla.api.runtime;

/**
 * Receives the lines of {@link ContainerRuntime#logs}. Calls come from one thread at a time, in log order, on a
 * thread of the runtime's choosing (possibly the caller's, inside {@code logs}). Exactly one of {@link #onEnd()} and
 * {@link #onError} ends the delivery, unless the subscription is closed first. Implementations must not block for
 * long.
 */
public interface LogListener {

    /** One more line. */
    void onLine(LogLine line);

    /** No more lines: all were delivered (not following), or the container exited or was removed (following). */
    void onEnd();

    /** Delivery failed; no further calls follow. The default does nothing. */
    default void onError(ContainerRuntimeException error) {
    }
}
