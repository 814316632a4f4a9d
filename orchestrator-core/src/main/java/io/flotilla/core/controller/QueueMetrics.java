package io.flotilla.core.controller;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * The meters of one {@link WorkQueue}, after client-go's workqueue metrics, tagged {@code name=<queue name>}:
 * {@code flotilla.workqueue.depth} (gauge), {@code .adds} and {@code .retries} (counters),
 * {@code .queue.duration} (time from add to get) and {@code .work.duration} (time from get to done). Durations are
 * measured on the queue's clock. Without a registry the meters are no-ops (an empty composite registry).
 */
final class QueueMetrics {
    private final Counter adds;
    private final Counter retries;
    private final Timer queueDuration;
    private final Timer workDuration;

    QueueMetrics(MeterRegistry registry, String name, WorkQueue<?> queue) {
        MeterRegistry target = registry == null ? new CompositeMeterRegistry() : registry;
        Gauge.builder("flotilla.workqueue.depth", queue, WorkQueue::len)
                .description("Items waiting in the work queue").tag("name", name).register(target);
        adds = Counter.builder("flotilla.workqueue.adds")
                .description("Items added to the work queue").tag("name", name).register(target);
        retries = Counter.builder("flotilla.workqueue.retries")
                .description("Rate-limited re-adds (retries)").tag("name", name).register(target);
        queueDuration = Timer.builder("flotilla.workqueue.queue.duration")
                .description("Time an item waits in the queue before a worker takes it").tag("name", name)
                .register(target);
        workDuration = Timer.builder("flotilla.workqueue.work.duration")
                .description("Time a worker holds an item").tag("name", name).register(target);
    }

    void added() {
        adds.increment();
    }

    void retried() {
        retries.increment();
    }

    void waited(long nanos) {
        queueDuration.record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    void worked(long nanos) {
        workDuration.record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }
}
