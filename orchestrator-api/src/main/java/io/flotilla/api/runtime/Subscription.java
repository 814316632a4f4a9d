package io.flotilla.api.runtime;

/**
 * A running delivery of log lines or runtime events. Thread-safe.
 */
public interface Subscription extends AutoCloseable {

    /** Stops the delivery; calls in progress may still finish. Idempotent; never throws. */
    @Override
    void close();
}
