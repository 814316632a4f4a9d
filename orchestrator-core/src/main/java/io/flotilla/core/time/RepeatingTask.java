package io.flotilla.core.time;

import java.time.Duration;
import java.util.Objects;

/**
 * Fixed-rate and fixed-delay repetition built on {@link Clock#schedule}, so every clock gets both for free and a
 * virtual clock repeats exactly. Each run schedules the next one after it returns, which is what keeps runs from
 * overlapping. Due times are kept on the clock's monotonic counter: for fixed rate the next due time is the
 * previous due time plus the period, so a late run does not shift the schedule.
 */
final class RepeatingTask implements Cancellable, Runnable {
    private final Clock clock;
    private final long periodNanos;
    private final boolean fixedRate;
    private final Runnable task;
    private long nextDueNanos;
    private Cancellable pending;
    private boolean cancelled;

    private RepeatingTask(Clock clock, long periodNanos, boolean fixedRate, Runnable task) {
        this.clock = clock;
        this.periodNanos = periodNanos;
        this.fixedRate = fixedRate;
        this.task = task;
    }

    static Cancellable start(Clock clock, Duration initialDelay, Duration period, boolean fixedRate, Runnable task) {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(task, "task");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        RepeatingTask repeating = new RepeatingTask(clock, period.toNanos(), fixedRate, task);
        synchronized (repeating) {
            repeating.nextDueNanos = clock.nanoTime() + Math.max(0, initialDelay.toNanos());
            repeating.pending = clock.schedule(initialDelay, repeating);
        }
        return repeating;
    }

    @Override
    public void run() {
        synchronized (this) {
            if (cancelled) {
                return;
            }
        }
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                cancelled = true;
            }
            throw e;
        }
        synchronized (this) {
            if (cancelled) {
                return;
            }
            long now = clock.nanoTime();
            nextDueNanos = fixedRate ? nextDueNanos + periodNanos : now + periodNanos;
            pending = clock.schedule(Duration.ofNanos(Math.max(0, nextDueNanos - now)), this);
        }
    }

    @Override
    public synchronized boolean cancel() {
        if (cancelled) {
            return false;
        }
        cancelled = true;
        pending.cancel();
        return true;
    }
}
