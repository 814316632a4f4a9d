package io.flotilla.core.client.events;

import io.flotilla.api.core.Event;
import io.flotilla.api.core.EventSource;
import io.flotilla.api.core.ObjectReference;
import io.flotilla.api.meta.Resource;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes: record() only formats, stamps the time (injected clock) and offers to a bounded queue, so it never
 * blocks and never throws; one virtual thread per recorder correlates and writes, in order. Dropping on a full
 * queue is deliberate: events are advisory, and a component must never stall because the API is slow.
 */

/**
 * Records Kubernetes Events about objects, as client-go's {@code EventRecorder}:
 *
 * <pre>{@code
 * EventRecorder events = EventRecorder.builder(EventSink.of(client), "scheduler").clock(clock).build();
 * events.warning(pod, "FailedScheduling", "0/%d nodes are available: %d Insufficient cpu", nodes, short);
 * events.normal(pod, "Scheduled", "Successfully assigned %s/%s to %s", ns, name, node);
 * }</pre>
 *
 * <p>Each Event is named {@code <involved-name>.<hex suffix>}, lives in the involved object's namespace
 * ({@code default} for cluster-scoped objects), and carries the involved object's reference, this recorder's source
 * component and host, {@code firstTimestamp}/{@code lastTimestamp} from the clock and a {@code count}. The same
 * event (same object, type, reason and message) recorded again within the deduplication window of its last
 * occurrence bumps the existing Event's {@code count} and {@code lastTimestamp} instead of creating another.
 * As client-go's correlator, similar events (same object, type and reason, ten or more distinct messages within the
 * deduplication window) are combined into one Event whose message starts {@code (combined from similar events): },
 * and a spam filter lets through at most a burst of 25 events per object, type and reason, then one every five
 * minutes ({@link Builder#spamFilter}); filtered events are counted, not written.
 *
 * <p>Writes are asynchronous: {@code record} never blocks and never throws; invalid arguments, a full queue and
 * failed writes are logged and counted, and the event is lost. Messages must never contain secrets or object
 * dumps: say what happened, in a sentence. Thread-safe.
 */
public final class EventRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    private static final int MAX_NAME = 253;
    private static final String DEFAULT_NAMESPACE = "default";

    private sealed interface Item permits Occurrence, Flush, Stop {
    }

    private record Occurrence(ObjectReference involved, String namespace, String type, String reason,
                              String message, Instant at) implements Item {
    }

    private record Flush(CompletableFuture<Void> done) implements Item {
    }

    private record Stop() implements Item {
    }

    private final EventSink sink;
    private final Clock clock;
    private final EventSource source;
    private final EventCorrelator correlator;
    private final EventSpamFilter spam;
    private final EventMetrics metrics;
    private final LinkedBlockingQueue<Item> queue;
    private final Thread writer;
    private volatile boolean closed;

    private EventRecorder(Builder b) {
        this.sink = b.sink;
        this.clock = b.clock;
        this.source = new EventSource(b.component, b.host);
        this.correlator = new EventCorrelator(b.window, b.cacheSize);
        this.spam = new EventSpamFilter(b.spamBurst, b.spamRefill, b.cacheSize);
        this.metrics = new EventMetrics(b.registry, b.component);
        this.queue = new LinkedBlockingQueue<>(b.queueCapacity);
        this.writer = Thread.ofVirtual().name("flotilla-events-" + b.component).start(this::run);
    }

    /**
     * A builder of a recorder writing to {@code sink} as {@code component} (such as {@code default-scheduler} or
     * {@code replicaset-controller}).
     *
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code component} is blank
     */
    public static Builder builder(EventSink sink, String component) {
        return new Builder(sink, component);
    }

    /**
     * Records an event about {@code involved}; never blocks, never throws.
     *
     * @param involved      the object the event is about
     * @param type          {@link Event#NORMAL} or {@link Event#WARNING}
     * @param reason        a short CamelCase reason, such as {@code BackOff}
     * @param messageFormat a {@link String#format} pattern; if it does not fit the arguments, it is used as is
     * @param args          the pattern's arguments (never secrets or whole objects)
     */
    public void record(Resource involved, String type, String reason, String messageFormat, Object... args) {
        try {
            Objects.requireNonNull(involved, "involved");
            Objects.requireNonNull(reason, "reason");
            if (!Event.TYPES.contains(type)) {
                throw new IllegalArgumentException("event type must be one of " + Event.TYPES + ", was " + type);
            }
            ObjectReference ref = ObjectReference.to(involved);
            String namespace = ref.namespace() == null || ref.namespace().isEmpty() ? DEFAULT_NAMESPACE
                    : ref.namespace();
            Occurrence occurrence = new Occurrence(ref, namespace, type, reason,
                    EventMessage.format(messageFormat, args), clock.now());
            if (closed || !queue.offer(occurrence)) {
                metrics.dropped();
                LOG.debug("event {} about {} dropped: recorder {}", reason, ref.name(), closed ? "closed" : "full");
                return;
            }
            metrics.recorded(type);
        } catch (RuntimeException e) {
            metrics.dropped();
            LOG.warn("event not recorded: {}", e.getMessage());
        }
    }

    /** Records a {@link Event#NORMAL} event; see {@link #record}. */
    public void normal(Resource involved, String reason, String messageFormat, Object... args) {
        record(involved, Event.NORMAL, reason, messageFormat, args);
    }

    /** Records a {@link Event#WARNING} event; see {@link #record}. */
    public void warning(Resource involved, String reason, String messageFormat, Object... args) {
        record(involved, Event.WARNING, reason, messageFormat, args);
    }

    /**
     * Waits until every event recorded before this call has been written (or failed), or {@code timeout} (real
     * time) passes; for tests and orderly shutdown.
     *
     * @return {@code true} if everything was written, {@code false} on timeout or if the recorder is closed
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Flush flush = new Flush(new CompletableFuture<>());
        if (closed || !queue.offer(flush, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        try {
            flush.done().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /**
     * Stops accepting events, writes those already queued and stops the writer, waiting up to five seconds (real
     * time) for it. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (queue.offer(new Stop(), 5, TimeUnit.SECONDS)) {
                writer.join(Duration.ofSeconds(5));
            } else {
                writer.interrupt();
            }
        } catch (InterruptedException e) {
            writer.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (true) {
                Item item = queue.take();
                switch (item) {
                    case Occurrence o -> write(o);
                    case Flush f -> f.done().complete(null);
                    case Stop s -> {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            queue.forEach(i -> {
                if (i instanceof Flush f) {
                    f.done().complete(null);
                }
            });
        }
    }

    private void write(Occurrence o) {
        EventCorrelator.Correlated correlated = correlator.aggregate(o.involved(), o.type(), o.reason(),
                o.message(), o.at());
        if (!spam.allow(o.involved(), o.type(), o.reason(), o.at())) {
            metrics.filtered();
            return;
        }
        EventCorrelator.Key key = correlated.key();
        try {
            Event previous = correlator.previous(key, o.at());
            if (previous != null) {
                Event bumped = previous.toBuilder().message(correlated.message())
                        .occurrences(previous.firstTimestamp(), o.at(), count(previous) + 1).build();
                try {
                    correlator.remember(key, sink.update(bumped.withMetadata(
                            bumped.metadata().withResourceVersion(null))));
                    metrics.deduplicated();
                    return;
                } catch (StoreException.NotFound gone) {
                    correlator.forget(key);
                }
            }
            correlator.remember(key, create(o, correlated.message()));
        } catch (RuntimeException e) {
            metrics.failed();
            LOG.warn("event {} about {} {}/{} could not be written: {}", o.reason(), o.involved().kind(),
                    o.namespace(), o.involved().name(), e.getMessage());
        }
    }

    private Event create(Occurrence o, String message) {
        String base = o.involved().name() == null ? "unknown" : o.involved().name();
        long nanos = o.at().getEpochSecond() * 1_000_000_000L + o.at().getNano();
        String suffix = Long.toHexString(nanos);
        for (int attempt = 0; ; attempt++) {
            Event event = Event.named(name(base, suffix)).namespace(o.namespace())
                    .involvedObject(o.involved()).type(o.type()).reason(o.reason()).message(message)
                    .source(source).occurrences(o.at(), o.at(), 1).build();
            try {
                return sink.create(event);
            } catch (StoreException.AlreadyExists taken) {
                if (attempt >= 3) {
                    throw taken;
                }
                suffix = Long.toHexString(nanos) + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16));
            }
        }
    }

    private static String name(String base, String suffix) {
        int room = MAX_NAME - suffix.length() - 1;
        return (base.length() > room ? base.substring(0, room) : base) + "." + suffix;
    }

    private static int count(Event event) {
        return event.count() == null ? 1 : event.count();
    }

    /** Configures an {@link EventRecorder}. Not thread-safe; every setter returns {@code this}. */
    public static final class Builder {
        private final EventSink sink;
        private final String component;
        private String host;
        private Clock clock = Clock.system();
        private MeterRegistry registry;
        private Duration window = Duration.ofMinutes(10);
        private int cacheSize = 4096;
        private int queueCapacity = 1000;
        private int spamBurst = EventSpamFilter.DEFAULT_BURST;
        private Duration spamRefill = EventSpamFilter.DEFAULT_REFILL;

        private Builder(EventSink sink, String component) {
            this.sink = Objects.requireNonNull(sink, "sink");
            this.component = Objects.requireNonNull(component, "component");
            if (component.isBlank()) {
                throw new IllegalArgumentException("component must not be blank");
            }
        }

        /** The host (node name) of the source, as the kubelet sets it; default none. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The clock for timestamps and the deduplication window; default {@link Clock#system()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where to register the event meters; {@code null} (the default) records nothing. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.registry = registry;
            return this;
        }

        /**
         * How long after an event's last occurrence a repeat still bumps it rather than creating a new Event;
         * default 10 minutes, as client-go's aggregation interval.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder deduplicationWindow(Duration window) {
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("deduplication window must be positive, was " + window);
            }
            this.window = window;
            return this;
        }

        /**
         * How many distinct recent events to remember for deduplication (least recently used go first); default
         * 4096, as client-go.
         *
         * @throws IllegalArgumentException if less than 1
         */
        public Builder cacheSize(int entries) {
            if (entries < 1) {
                throw new IllegalArgumentException("cache size must be at least 1, was " + entries);
            }
            this.cacheSize = entries;
            return this;
        }

        /**
         * How many events may wait to be written before further ones are dropped; default 1000.
         *
         * @throws IllegalArgumentException if less than 1
         */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queue capacity must be at least 1, was " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * The spam filter: at most {@code burst} events per involved object, type and reason, then one per
         * {@code refill}; default 25 and five minutes, as client-go.
         *
         * @throws IllegalArgumentException if {@code burst} is less than 1 or {@code refill} is not positive
         */
        public Builder spamFilter(int burst, Duration refill) {
            if (burst < 1 || refill.isNegative() || refill.isZero()) {
                throw new IllegalArgumentException("spam filter needs a burst of at least 1 and a positive refill,"
                        + " was " + burst + " and " + refill);
            }
            this.spamBurst = burst;
            this.spamRefill = refill;
            return this;
        }

        /** The recorder, with its writer thread started. */
        public EventRecorder build() {
            return new EventRecorder(this);
        }
    }
}
