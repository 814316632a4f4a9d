package io.flotilla.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link Clock}: {@link Instant#now()}, {@link System#nanoTime()}, and a timer.
 *
 * <p>One daemon platform thread ({@code flotilla-clock}) keeps the timer; when a task comes due, it starts the task
 * on a new virtual thread, so a slow or blocking task never delays the others and any number of tasks may run at
 * once. A task that throws is logged at WARN and otherwise ignored (a repeating task stops repeating).
 *
 * <p>Thread-safe. {@link #close()} cancels every pending task; tasks already running finish on their own, and
 * scheduling afterwards throws {@link java.util.concurrent.RejectedExecutionException}. The {@linkplain #shared()
 * shared} instance is never closed.
 */
public final class SystemClock implements Clock, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SystemClock.class);

    private final ScheduledThreadPoolExecutor timer;

    private SystemClock() {
        timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "flotilla-clock");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** A new clock with its own timer thread; close it when done. */
    public static SystemClock create() {
        return new SystemClock();
    }

    /** The process-wide instance behind {@link Clock#system()}. */
    public static SystemClock shared() {
        return Shared.INSTANCE;
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(task, "task");
        long nanos;
        try {
            nanos = Math.max(0, delay.toNanos());
        } catch (ArithmeticException overflow) {
            nanos = delay.isNegative() ? 0 : Long.MAX_VALUE;
        }
        ScheduledFuture<?> future = timer.schedule(() -> Thread.ofVirtual().name("flotilla-clock-task")
                .start(() -> runLogged(task)), nanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /** Cancels every pending task and stops the timer thread. Idempotent. */
    @Override
    public void close() {
        if (this != Shared.INSTANCE) {
            timer.shutdownNow();
        }
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.warn("Scheduled task {} failed", task, e);
        }
    }

    /** Holder for lazy creation of the shared instance. */
    private static final class Shared {
        static final SystemClock INSTANCE = new SystemClock();
    }
}
