package io.flotilla.core;

import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventCleaner;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.events.EventSink;
import io.flotilla.core.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cluster's event machinery: one recorder per component, and one cleaner that expires old events. Thread-safe.
 */
final class ClusterEvents implements AutoCloseable {
    private final EventSink sink;
    private final Clock clock;
    private final EventCleaner cleaner;
    private final Map<String, EventRecorder> recorders = new ConcurrentHashMap<>();

    ClusterEvents(Client client, Clock clock, Duration ttl, MeterRegistry registry) {
        this.sink = EventSink.of(client);
        this.clock = clock;
        this.cleaner = EventCleaner.start(sink, clock, ttl, registry);
    }

    EventRecorder recorder(String component) {
        return recorders.computeIfAbsent(component,
                c -> EventRecorder.builder(sink, c).clock(clock).build());
    }

    @Override
    public void close() {
        recorders.values().forEach(EventRecorder::close);
        cleaner.close();
    }
}
