package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.model.Event;
import io.flotilla.api.runtime.RuntimeEvent;
import io.flotilla.api.runtime.RuntimeEventListener;
import io.flotilla.api.runtime.Subscription;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event subscription: keeps a Docker event stream open for as long as the subscription lives and hands the
 * mapped events to the listener.
 *
 * <p><b>Guarantees.</b> While the stream is open, every matching event is delivered once, in the daemon's order,
 * from one thread at a time. When the stream breaks (the daemon restarted, the connection dropped) the pump
 * reconnects with exponential backoff; the new stream asks the daemon to replay from the last delivered event's
 * time (the daemon keeps a bounded buffer), the replayed copy of the last event is skipped, and once connected the
 * listener gets {@link RuntimeEventListener#onGap} because anything beyond the daemon's buffer may be lost. Events
 * are therefore a hint: a listener that relists on every gap (and periodically, see {@link #gap}) misses nothing.
 *
 * <p>Design notes: the pump loop runs on its own (virtual) thread and blocks on the current stream's end; delivery
 * is serialised by a lock shared with {@link #gap}, so listeners never see two calls at once. A listener's exception
 * is logged and does not end the subscription. Sleeping is injected so tests run without real delays.
 */
public final class EventPump implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(EventPump.class);

    /** How the pump waits between reconnect attempts. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits {@code duration}. */
        void sleep(Duration duration) throws InterruptedException;
    }

    private final EventSource source;
    private final RuntimeEventListener listener;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Object deliveryLock = new Object();
    private volatile boolean closed;
    private volatile Closeable stream;
    private volatile Thread thread;
    private long lastTimeNano = -1;
    private String lastKey;

    /** A pump from {@code source} to {@code listener}; call {@link #start()}. */
    public EventPump(EventSource source, RuntimeEventListener listener, Backoff backoff, Sleeper sleeper) {
        this.source = Objects.requireNonNull(source, "source");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Opens the first stream on the caller's thread (so events after this call are seen), then pumps on its own. */
    public EventPump start() {
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        stream = source.open(null, sink(ended));
        thread = Thread.ofVirtual().name("flotilla-docker-events").start(() -> loop(ended));
        return this;
    }

    private void loop(CompletableFuture<Throwable> firstEnd) {
        CompletableFuture<Throwable> ended = firstEnd;
        while (!closed) {
            Throwable why = awaitEnd(ended);
            if (closed) {
                return;
            }
            LOG.debug("Docker event stream ended ({}); reconnecting", why == null ? "closed by the daemon" : why);
            ended = reconnect();
            if (ended == null) {
                return;
            }
            gap("reconnected to the Docker event stream; events may have been missed");
        }
    }

    private Throwable awaitEnd(CompletableFuture<Throwable> ended) {
        try {
            return ended.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** Opens a new stream, retrying with backoff; {@code null} once closed. */
    private CompletableFuture<Throwable> reconnect() {
        while (!closed) {
            try {
                sleeper.sleep(backoff.next());
            } catch (InterruptedException e) {
                return null;
            }
            if (closed) {
                return null;
            }
            CompletableFuture<Throwable> ended = new CompletableFuture<>();
            try {
                stream = source.open(since(), sink(ended));
                backoff.reset();
                return ended;
            } catch (RuntimeException e) {
                LOG.debug("reconnecting to the Docker event stream failed: {}", e.toString());
            }
        }
        return null;
    }

    private String since() {
        synchronized (deliveryLock) {
            return lastTimeNano < 0 ? null
                    : (lastTimeNano / 1_000_000_000L) + "." + String.format("%09d", lastTimeNano % 1_000_000_000L);
        }
    }

    private EventSource.Sink sink(CompletableFuture<Throwable> ended) {
        return new EventSource.Sink() {
            @Override
            public void onEvent(Event event) {
                deliver(event);
            }

            @Override
            public void onEnd(Throwable error) {
                ended.complete(error);
            }
        };
    }

    private void deliver(Event event) {
        synchronized (deliveryLock) {
            if (closed) {
                return;
            }
            long time = event.getTimeNano() == null ? -1 : event.getTimeNano();
            String key = event.getActor() == null ? event.getId() : event.getActor().getId() + "/" + event.getAction();
            if (time >= 0 && (time < lastTimeNano || time == lastTimeNano && Objects.equals(key, lastKey))) {
                return;
            }
            if (time >= 0) {
                lastTimeNano = time;
                lastKey = key;
            }
            Optional<RuntimeEvent> mapped = EventMapper.map(event);
            mapped.ifPresent(this::safely);
        }
    }

    private void safely(RuntimeEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("runtime event listener failed on {}", event.type(), e);
        }
    }

    /** Tells the listener to relist (after a reconnect, or periodically), serialised with event delivery. */
    public void gap(String reason) {
        synchronized (deliveryLock) {
            if (closed) {
                return;
            }
            try {
                listener.onGap(reason);
            } catch (RuntimeException e) {
                LOG.warn("runtime event listener failed on a gap", e);
            }
        }
    }

    /** Whether the subscription has ended. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        Closeable current = stream;
        if (current != null) {
            try {
                current.close();
            } catch (IOException | RuntimeException e) {
                LOG.trace("closing the event stream: {}", e.toString());
            }
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
