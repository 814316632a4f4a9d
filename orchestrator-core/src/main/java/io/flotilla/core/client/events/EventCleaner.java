package io.flotilla.core.client.events;

import io.flotilla.api.core.Event;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.time.Cancellable;
import io.flotilla.core.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes Events whose last occurrence is older than their time to live (default one hour, as kube-apiserver's
 * {@code --event-ttl}), checking periodically on the injected clock. An Event's age is taken from its
 * {@code lastTimestamp}, else {@code eventTime}, else {@code firstTimestamp}, else its creation time; one with none
 * of these is kept. Run one cleaner per control plane.
 *
 * <pre>{@code
 * EventCleaner cleaner = EventCleaner.start(EventSink.of(client), clock, EventCleaner.DEFAULT_TTL, registry);
 * }</pre>
 *
 * <p>Thread-safe. Sweeps run on the clock's task thread; a failing sweep is logged and the next one runs as
 * planned.
 */
public final class EventCleaner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventCleaner.class);
    /** The default time to live of an Event: one hour. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private final EventSink sink;
    private final Clock clock;
    private final Duration ttl;
    private final EventMetrics metrics;
    private final Cancellable task;

    private EventCleaner(EventSink sink, Clock clock, Duration ttl, MeterRegistry registry) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("event ttl must be positive, was " + ttl);
        }
        this.metrics = new EventMetrics(registry, "event-cleaner");
        Duration interval = sweepInterval(ttl);
        this.task = clock.scheduleWithFixedDelay(interval, interval, this::sweep);
    }

    /**
     * Starts a cleaner that sweeps every twelfth of {@code ttl} (at least every second, at most every five
     * minutes).
     *
     * @param registry where to count expired Events; may be {@code null}
     * @throws IllegalArgumentException if {@code ttl} is not positive
     * @throws NullPointerException     if {@code sink}, {@code clock} or {@code ttl} is {@code null}
     */
    public static EventCleaner start(EventSink sink, Clock clock, Duration ttl, MeterRegistry registry) {
        return new EventCleaner(sink, clock, ttl, registry);
    }

    /** The time to live. */
    public Duration ttl() {
        return ttl;
    }

    /**
     * Deletes every expired Event now.
     *
     * @return how many were deleted
     * @throws RuntimeException if the Events cannot be listed
     */
    public int cleanUp() {
        Instant cutoff = clock.now().minus(ttl);
        int deleted = 0;
        for (Event event : sink.list()) {
            Instant last = lastSeen(event);
            if (last != null && last.isBefore(cutoff)) {
                try {
                    sink.delete(event.metadata().namespace(), event.metadata().name());
                    deleted++;
                } catch (StoreException.NotFound alreadyGone) {
                    // deleted by someone else meanwhile
                }
            }
        }
        metrics.expired(deleted);
        return deleted;
    }

    /** Stops the periodic sweeps; a sweep in progress finishes. Idempotent. */
    @Override
    public void close() {
        task.cancel();
    }

    private void sweep() {
        try {
            int deleted = cleanUp();
            if (deleted > 0) {
                LOG.debug("deleted {} events older than {}", deleted, ttl);
            }
        } catch (RuntimeException e) {
            LOG.warn("event cleanup failed; retrying at the next sweep", e);
        }
    }

    private static Instant lastSeen(Event event) {
        if (event.lastTimestamp() != null) {
            return event.lastTimestamp();
        }
        if (event.eventTime() != null) {
            return event.eventTime();
        }
        if (event.firstTimestamp() != null) {
            return event.firstTimestamp();
        }
        return event.metadata().creationTimestamp();
    }

    private static Duration sweepInterval(Duration ttl) {
        Duration twelfth = ttl.dividedBy(12);
        Duration min = Duration.ofSeconds(1);
        Duration max = Duration.ofMinutes(5);
        return twelfth.compareTo(min) < 0 ? min : twelfth.compareTo(max) > 0 ? max : twelfth;
    }
}
