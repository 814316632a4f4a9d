package io.flotilla.core.store;

import io.flotilla.api.meta.ResourceType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The store's Micrometer meters, or nothing when no registry was given. Timers are looked up once per kind and
 * verb, so recording costs two clock reads and the timer's own update.
 *
 * <ul>
 *   <li>{@code flotilla.store.operations} (timer; tags verb, kind)</li>
 *   <li>{@code flotilla.store.errors} (counter; tags verb, kind, reason)</li>
 *   <li>{@code flotilla.store.revision}, {@code flotilla.store.watchers},
 *       {@code flotilla.store.watch.queue.depth} (gauges; the depth is the largest backlog of any watcher)</li>
 *   <li>{@code flotilla.store.watch.cutoffs} (counter of watchers cut off for falling behind)</li>
 * </ul>
 */
final class StoreMetrics {
    enum Verb { CREATE, GET, LIST, UPDATE, DELETE, WATCH }

    private static final Verb[] VERBS = Verb.values();

    private final MeterRegistry registry;
    private final Counter cutoffs;

    StoreMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.cutoffs = registry == null ? null : Counter.builder("flotilla.store.watch.cutoffs")
                .description("watchers cut off for falling too far behind").register(registry);
    }

    /** The meters of one kind: a timer per verb, or none. */
    record KindMeters(String kind, Timer[] timers) {
    }

    KindMeters forKind(ResourceType<?> type) {
        if (registry == null) {
            return new KindMeters(type.kind(), null);
        }
        Timer[] timers = new Timer[VERBS.length];
        for (Verb verb : VERBS) {
            timers[verb.ordinal()] = Timer.builder("flotilla.store.operations")
                    .description("object store operations")
                    .tag("verb", verb.name().toLowerCase(Locale.ROOT)).tag("kind", type.kind())
                    .register(registry);
        }
        return new KindMeters(type.kind(), timers);
    }

    <S> void gauges(S store, ToDoubleFunction<S> revision, ToDoubleFunction<S> watchers,
                    ToDoubleFunction<S> queueDepth) {
        if (registry == null) {
            return;
        }
        Gauge.builder("flotilla.store.revision", store, revision).description("the store's revision")
                .register(registry);
        Gauge.builder("flotilla.store.watchers", store, watchers).description("open watches").register(registry);
        Gauge.builder("flotilla.store.watch.queue.depth", store, queueDepth)
                .description("revisions the furthest-behind watcher has yet to process").register(registry);
    }

    long start() {
        return registry == null ? 0 : System.nanoTime();
    }

    void record(KindMeters meters, Verb verb, long start) {
        if (meters.timers() != null) {
            meters.timers()[verb.ordinal()].record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    void error(KindMeters meters, Verb verb, StoreException error) {
        if (registry != null) {
            registry.counter("flotilla.store.errors", "verb", verb.name().toLowerCase(Locale.ROOT),
                    "kind", meters.kind(), "reason", error.getClass().getSimpleName()).increment();
        }
    }

    void cutOff() {
        if (cutoffs != null) {
            cutoffs.increment();
        }
    }
}
