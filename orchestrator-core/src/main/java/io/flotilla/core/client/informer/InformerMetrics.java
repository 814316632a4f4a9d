package io.flotilla.core.client.informer;

import io.flotilla.core.time.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The meters of one informer, tagged {@code kind} and {@code group}: {@code flotilla.informer.watch.lag} (store
 * revision minus the revision the informer has processed), {@code flotilla.informer.cache.size},
 * {@code flotilla.informer.relists} and {@code flotilla.informer.handler.duration} (per handler call, on the
 * informer's clock). Without a registry the meters are no-ops.
 */
final class InformerMetrics {
    private final Clock clock;
    private final Counter relists;
    private final Timer handlerDuration;

    <S> InformerMetrics(MeterRegistry registry, Clock clock, String kind, String group, S informer,
                        ToDoubleFunction<S> lag, ToDoubleFunction<S> size) {
        this.clock = clock;
        MeterRegistry target = registry == null ? new CompositeMeterRegistry() : registry;
        Tags tags = Tags.of("kind", kind, "group", group);
        Gauge.builder("flotilla.informer.watch.lag", informer, lag)
                .description("Store revisions the informer has not processed yet").tags(tags).register(target);
        Gauge.builder("flotilla.informer.cache.size", informer, size)
                .description("Objects in the informer's cache").tags(tags).register(target);
        relists = Counter.builder("flotilla.informer.relists")
                .description("Lists after the first (the watch expired or failed)").tags(tags).register(target);
        handlerDuration = Timer.builder("flotilla.informer.handler.duration")
                .description("Time an event handler takes per event").tags(tags).register(target);
    }

    long start() {
        return clock.nanoTime();
    }

    void handled(long start) {
        handlerDuration.record(Math.max(0, clock.nanoTime() - start), TimeUnit.NANOSECONDS);
    }

    void relisted() {
        relists.increment();
    }
}
