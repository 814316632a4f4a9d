package io.flotilla.core.controller;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meters of one controller, after controller-runtime's, tagged {@code controller=<name>}:
 * {@code flotilla.controller.reconcile} (a timer per {@code result}: success, requeue, requeue_after, error,
 * terminal, interrupted), {@code flotilla.controller.reconcile.errors} (counter, {@code terminal=true|false}) and
 * {@code flotilla.controller.workers.active} (gauge). Durations are measured on the controller's clock. Without a
 * registry the meters are no-ops.
 */
final class ReconcileMetrics {

    /** How a reconcile ended; the lower-case name is the {@code result} tag. */
    enum Outcome {
        SUCCESS, REQUEUE, REQUEUE_AFTER, ERROR, TERMINAL, INTERRUPTED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Outcome, Timer> reconciles = new EnumMap<>(Outcome.class);
    private final Counter retriedErrors;
    private final Counter terminalErrors;
    private final AtomicInteger active = new AtomicInteger();

    ReconcileMetrics(MeterRegistry registry, String controller) {
        MeterRegistry target = registry == null ? new CompositeMeterRegistry() : registry;
        for (Outcome outcome : Outcome.values()) {
            reconciles.put(outcome, Timer.builder("flotilla.controller.reconcile")
                    .description("Reconciles by result").tag("controller", controller).tag("result", outcome.tag())
                    .register(target));
        }
        retriedErrors = errors(target, controller, false);
        terminalErrors = errors(target, controller, true);
        Gauge.builder("flotilla.controller.workers.active", active, AtomicInteger::get)
                .description("Workers currently reconciling").tag("controller", controller).register(target);
    }

    void started() {
        active.incrementAndGet();
    }

    void finished(Outcome outcome, long nanos) {
        active.decrementAndGet();
        reconciles.get(outcome).record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        if (outcome == Outcome.ERROR) {
            retriedErrors.increment();
        } else if (outcome == Outcome.TERMINAL) {
            terminalErrors.increment();
        }
    }

    private static Counter errors(MeterRegistry registry, String controller, boolean terminal) {
        return Counter.builder("flotilla.controller.reconcile.errors")
                .description("Failed reconciles").tag("controller", controller)
                .tag("terminal", Boolean.toString(terminal)).register(registry);
    }
}
