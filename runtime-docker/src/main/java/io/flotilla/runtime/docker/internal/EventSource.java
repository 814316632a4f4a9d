package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.model.Event;
import java.io.Closeable;

/**
 * Where an {@link EventPump} gets Docker events: one open stream at a time. The real source is Docker's event
 * endpoint ({@link DockerEventSource}); tests use a fake to exercise reconnects.
 */
public interface EventSource {

    /**
     * Opens a stream and returns once the daemon has accepted it.
     *
     * @param since replay events from this time ({@code seconds.nanos}), or {@code null} for new events only
     * @param sink  receives the events and, exactly once, the end of the stream
     * @return a handle that closes the stream
     * @throws RuntimeException if the stream cannot be opened (the daemon is down)
     */
    Closeable open(String since, Sink sink);

    /** Receives one stream's events; called from one thread at a time. */
    interface Sink {
        /** One event. */
        void onEvent(Event event);

        /** The stream ended: {@code error} is why, or {@code null} when the daemon closed it. */
        void onEnd(Throwable error);
    }
}
