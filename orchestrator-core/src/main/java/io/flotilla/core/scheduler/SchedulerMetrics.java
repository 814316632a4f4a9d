package io.flotilla.core.scheduler;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler's meters, after kube-scheduler's: {@code flotilla.scheduler.schedule.attempts} (counter by
 * {@code result} = scheduled | unschedulable | error), {@code flotilla.scheduler.scheduling.attempt.duration}
 * (one scheduling cycle, by result), {@code flotilla.scheduler.pod.scheduling.duration} (end to end, from the
 * pod's first entry into the queue to a successful bind) and {@code flotilla.scheduler.pending.pods} (gauge by
 * {@code queue} = active | backoff | unschedulable). Without a registry the meters are no-ops.
 */
final class SchedulerMetrics {

    private final Counter scheduled;
    private final Counter unschedulable;
    private final Counter error;
    private final Timer scheduledCycle;
    private final Timer unschedulableCycle;
    private final Timer errorCycle;
    private final Timer e2e;

    SchedulerMetrics(MeterRegistry registry, SchedulingQueue queue) {
        MeterRegistry r = registry == null ? new CompositeMeterRegistry() : registry;
        scheduled = attempts(r, "scheduled");
        unschedulable = attempts(r, "unschedulable");
        error = attempts(r, "error");
        scheduledCycle = cycle(r, "scheduled");
        unschedulableCycle = cycle(r, "unschedulable");
        errorCycle = cycle(r, "error");
        e2e = Timer.builder("flotilla.scheduler.pod.scheduling.duration")
                .description("Time from a pod's first entry into the scheduling queue to its successful binding")
                .register(r);
        Gauge.builder("flotilla.scheduler.pending.pods", queue, SchedulingQueue::activeSize).tag("queue", "active")
                .description("Pods waiting in the scheduling queue").register(r);
        Gauge.builder("flotilla.scheduler.pending.pods", queue, SchedulingQueue::backoffSize).tag("queue", "backoff")
                .description("Pods waiting in the scheduling queue").register(r);
        Gauge.builder("flotilla.scheduler.pending.pods", queue, SchedulingQueue::unschedulableSize)
                .tag("queue", "unschedulable").description("Pods waiting in the scheduling queue").register(r);
    }

    private static Counter attempts(MeterRegistry r, String result) {
        return Counter.builder("flotilla.scheduler.schedule.attempts").tag("result", result)
                .description("Scheduling attempts by result").register(r);
    }

    private static Timer cycle(MeterRegistry r, String result) {
        return Timer.builder("flotilla.scheduler.scheduling.attempt.duration").tag("result", result)
                .description("Duration of one scheduling cycle (algorithm, reserve and permit)").register(r);
    }

    void scheduled(long cycleNanos) {
        scheduled.increment();
        scheduledCycle.record(cycleNanos, TimeUnit.NANOSECONDS);
    }

    void unschedulable(long cycleNanos) {
        unschedulable.increment();
        unschedulableCycle.record(cycleNanos, TimeUnit.NANOSECONDS);
    }

    void error(long cycleNanos) {
        error.increment();
        errorCycle.record(cycleNanos, TimeUnit.NANOSECONDS);
    }

    void bound(long e2eNanos) {
        e2e.record(Math.max(0, e2eNanos), TimeUnit.NANOSECONDS);
    }
}
