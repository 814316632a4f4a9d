package io.flotilla.core.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The source of time and timers for Flotilla: wall-clock time for timestamps, a monotonic counter for measuring
 * intervals, and delayed tasks. Inject it wherever code reads the time or waits, so tests can run on a
 * {@link VirtualClock} without sleeping.
 *
 * <p>Implementations are thread-safe: any thread may read the time and schedule tasks. Where a task runs depends on
 * the implementation ({@link SystemClock}: its own virtual thread; {@link VirtualClock}: the thread that advances
 * the clock). A task never runs on the thread that scheduled it, inside the {@code schedule} call.
 */
public interface Clock {

    /** The process-wide {@link SystemClock}, created on first use and never closed. */
    static Clock system() {
        return SystemClock.shared();
    }

    /** The current wall-clock time; never {@code null}. */
    Instant now();

    /**
     * A monotonic time in nanoseconds, for measuring elapsed time only: the origin is arbitrary, and differences are
     * meaningful only between values from the same clock.
     */
    long nanoTime();

    /**
     * Runs {@code task} once, {@code delay} from now. A zero or negative delay means "as soon as possible".
     *
     * @param delay how long to wait; not {@code null}
     * @param task  what to run; not {@code null}
     * @return a handle to cancel the task
     * @throws NullPointerException       if an argument is {@code null}
     * @throws java.util.concurrent.RejectedExecutionException if the clock has been closed
     */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * Runs {@code task} first after {@code initialDelay}, then every {@code period} measured from the previous
     * run's <em>due time</em> (fixed rate). Runs never overlap: when a run overruns, the next starts as soon as it
     * ends. A run that throws stops the repetition.
     *
     * @param initialDelay delay before the first run; not {@code null}
     * @param period       interval between due times; positive
     * @param task         what to run; not {@code null}
     * @return a handle that cancels all future runs
     * @throws IllegalArgumentException if {@code period} is not positive
     * @throws NullPointerException     if an argument is {@code null}
     */
    default Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        return RepeatingTask.start(this, initialDelay, period, true, task);
    }

    /**
     * Runs {@code task} first after {@code initialDelay}, then again {@code delay} after each run <em>ends</em>
     * (fixed delay, as Kubernetes' {@code wait.Until}). A run that throws stops the repetition.
     *
     * @param initialDelay delay before the first run; not {@code null}
     * @param delay        pause between the end of one run and the start of the next; positive
     * @param task         what to run; not {@code null}
     * @return a handle that cancels all future runs
     * @throws IllegalArgumentException if {@code delay} is not positive
     * @throws NullPointerException     if an argument is {@code null}
     */
    default Cancellable scheduleWithFixedDelay(Duration initialDelay, Duration delay, Runnable task) {
        return RepeatingTask.start(this, initialDelay, delay, false, task);
    }
}
