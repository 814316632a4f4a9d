package io.flotilla.core.apiserver;

import io.flotilla.api.meta.ResourceType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * Request metrics: a timer {@code flotilla.apiserver.requests} tagged with {@code verb}, {@code kind} and
 * {@code outcome} (the error's simple class name, or {@code success}); its count is the request count. Without a
 * registry it records nothing. Thread-safe.
 */
final class ApiMetrics {
    private final MeterRegistry registry;

    ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs one request and records it. */
    <R> R record(String verb, ResourceType<?> type, Supplier<R> request) {
        if (registry == null) {
            return request.get();
        }
        long start = System.nanoTime();
        String outcome = "success";
        try {
            return request.get();
        } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName();
            throw e;
        } finally {
            Timer.builder("flotilla.apiserver.requests")
                    .description("API server requests by verb and kind")
                    .tag("verb", verb)
                    .tag("kind", type.kind())
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
