package io.flotilla.core.client.events;

import io.flotilla.api.core.Event;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * The event meters, tagged {@code component}: {@code flotilla.events.recorded} (also tagged {@code type}),
 * {@code .deduplicated} (occurrences folded into an existing Event), {@code .dropped} (queue full or recorder
 * closed), {@code .filtered} (over the spam filter's budget for their object), {@code .failed} (writes the API
 * refused) and {@code .expired} (deleted by the cleaner). Without a registry the meters are no-ops.
 */
final class EventMetrics {
    private final MeterRegistry registry;
    private final String component;
    private final Counter deduplicated;
    private final Counter dropped;
    private final Counter filtered;
    private final Counter normal;
    private final Counter warning;
    private final Counter failed;
    private final Counter expired;

    EventMetrics(MeterRegistry registry, String component) {
        this.registry = registry == null ? new CompositeMeterRegistry() : registry;
        this.component = component;
        deduplicated = counter("flotilla.events.deduplicated", "Event occurrences folded into an existing Event");
        dropped = counter("flotilla.events.dropped", "Events dropped because the recorder was full or closed");
        filtered = counter("flotilla.events.filtered", "Events not written: over the budget for their object");
        normal = recordedCounter(Event.NORMAL);
        warning = recordedCounter(Event.WARNING);
        failed = counter("flotilla.events.failed", "Event writes that failed");
        expired = counter("flotilla.events.expired", "Events deleted after their time to live");
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).tag("component", component).register(registry);
    }

    private Counter recordedCounter(String type) {
        return Counter.builder("flotilla.events.recorded").description("Events recorded").tag("component", component)
                .tag("type", type).register(registry);
    }

    void recorded(String type) {
        (Event.WARNING.equals(type) ? warning : normal).increment();
    }

    void filtered() {
        filtered.increment();
    }

    void deduplicated() {
        deduplicated.increment();
    }

    void dropped() {
        dropped.increment();
    }

    void failed() {
        failed.increment();
    }

    void expired(int count) {
        expired.increment(count);
    }
}
