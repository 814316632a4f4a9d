package io.flotilla.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Clock} for tests: time stands still until the test moves it, and scheduled tasks run only then, on the
 * test's thread. Nothing ever sleeps.
 *
 * <pre>{@code
 * VirtualClock clock = VirtualClock.create();
 * clock.schedule(Duration.ofSeconds(5), () -> fired.add("a"));
 * clock.advance(Duration.ofSeconds(4));   // nothing runs
 * clock.advance(Duration.ofSeconds(1));   // "a" runs, and now() is 5s after the start
 * }</pre>
 *
 * <p><b>Semantics.</b> {@link #advance} and {@link #advanceTo} run every task that comes due in the window, one at a
 * time, in due-time order (tasks due at the same instant in the order they were scheduled). The clock stands at a
 * task's due time while it runs, so a task sees exactly the time it asked for; a task it schedules that is due
 * within the window runs in the same call. Then the clock moves to the end of the window. A task scheduled with a
 * zero or negative delay is due "now" and runs on the next {@code advance}, {@link #runDue()} or
 * {@link #runUntilIdle()}, never inside {@code schedule}.
 *
 * <p><b>Threads.</b> Reading the time and scheduling or cancelling are thread-safe and may happen from any thread,
 * also while another thread advances. Advancing is serialised: concurrent callers take turns, and advancing from
 * inside a task of this clock is rejected. Tasks run on the advancing thread, without any lock of the clock held.
 *
 * <p><b>Errors.</b> A task that throws stops the advance: the exception propagates to the caller of
 * {@code advance}, the clock stays at that task's due time, and later tasks stay scheduled.
 */
public final class VirtualClock implements Clock {
    /** The default starting instant, a fixed date so that test output is reproducible. */
    public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");
    private static final int IDLE_TASK_LIMIT = 100_000;

    private final Instant origin;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock advanceLock = new ReentrantLock();
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long elapsedNanos;
    private long sequence;

    private VirtualClock(Instant origin) {
        this.origin = origin;
    }

    /** A virtual clock standing at {@link #DEFAULT_START}, with {@link #nanoTime()} at zero. */
    public static VirtualClock create() {
        return startingAt(DEFAULT_START);
    }

    /**
     * A virtual clock standing at {@code start}, with {@link #nanoTime()} at zero.
     *
     * @throws NullPointerException if {@code start} is {@code null}
     */
    public static VirtualClock startingAt(Instant start) {
        return new VirtualClock(Objects.requireNonNull(start, "start"));
    }

    @Override
    public Instant now() {
        return origin.plusNanos(nanoTime());
    }

    @Override
    public long nanoTime() {
        lock.lock();
        try {
            return elapsedNanos;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(task, "task");
        lock.lock();
        try {
            Task scheduled = new Task(saturatedAdd(elapsedNanos, Math.max(0, saturatedNanos(delay))), sequence++, task);
            tasks.add(scheduled);
            return scheduled;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves time forward by {@code duration}, running every task that comes due (see the class comment).
     *
     * @param duration how far to move; zero runs the tasks already due
     * @return how many tasks ran
     * @throws IllegalArgumentException if {@code duration} is negative
     * @throws IllegalStateException    if called from inside a task of this clock
     * @throws NullPointerException     if {@code duration} is {@code null}
     */
    public int advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("cannot move time backwards: " + duration);
        }
        return advanceBy(saturatedNanos(duration));
    }

    /**
     * Moves time forward to {@code instant}, running every task that comes due (see the class comment).
     *
     * @return how many tasks ran
     * @throws IllegalArgumentException if {@code instant} is before {@link #now()}
     * @throws IllegalStateException    if called from inside a task of this clock
     * @throws NullPointerException     if {@code instant} is {@code null}
     */
    public int advanceTo(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        Instant now = now();
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("cannot move time backwards from " + now + " to " + instant);
        }
        return advance(Duration.between(now, instant));
    }

    /**
     * Runs the tasks due now (including those they schedule for now) without moving time.
     *
     * @return how many tasks ran
     * @throws IllegalStateException if called from inside a task of this clock
     */
    public int runDue() {
        return advanceBy(0);
    }

    /**
     * Moves time from task to task until none is scheduled, and stops at the last task's due time.
     *
     * @return how many tasks ran
     * @throws IllegalStateException if called from inside a task of this clock, or if tasks keep coming (for
     *                               example a repeating task) after 100,000 runs; use {@link #advance} for those
     */
    public int runUntilIdle() {
        int ran = 0;
        Optional<Long> next;
        while ((next = nextDueNanos()).isPresent()) {
            if (ran >= IDLE_TASK_LIMIT) {
                throw new IllegalStateException("still busy after " + ran
                        + " tasks; a repeating task never goes idle, use advance() instead");
            }
            ran += advanceBy(Math.max(0, next.get() - nanoTime()));
        }
        return ran;
    }

    /** How many tasks are scheduled and not yet run or cancelled. */
    public int pendingTasks() {
        lock.lock();
        try {
            return tasks.size();
        } finally {
            lock.unlock();
        }
    }

    /** When the next scheduled task is due, if any. */
    public Optional<Instant> nextDueTime() {
        return nextDueNanos().map(origin::plusNanos);
    }

    @Override
    public String toString() {
        return "VirtualClock[" + now() + ", " + pendingTasks() + " pending]";
    }

    private Optional<Long> nextDueNanos() {
        lock.lock();
        try {
            Task head = tasks.peek();
            return head == null ? Optional.empty() : Optional.of(head.dueNanos);
        } finally {
            lock.unlock();
        }
    }

    private int advanceBy(long nanos) {
        if (advanceLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("a task of this clock cannot advance the clock");
        }
        advanceLock.lock();
        try {
            long target;
            lock.lock();
            try {
                target = saturatedAdd(elapsedNanos, nanos);
            } finally {
                lock.unlock();
            }
            int ran = 0;
            Task next;
            while ((next = pollDue(target)) != null) {
                next.action.run();
                ran++;
            }
            lock.lock();
            try {
                elapsedNanos = target;
            } finally {
                lock.unlock();
            }
            return ran;
        } finally {
            advanceLock.unlock();
        }
    }

    /** Removes the next task due by {@code target} and moves time to its due time; {@code null} when none. */
    private Task pollDue(long target) {
        lock.lock();
        try {
            Task head = tasks.peek();
            if (head == null || head.dueNanos > target) {
                return null;
            }
            tasks.poll();
            elapsedNanos = Math.max(elapsedNanos, head.dueNanos);
            return head;
        } finally {
            lock.unlock();
        }
    }

    /** Removes a task that was cancelled before it ran; {@code true} if it was still scheduled. */
    private boolean remove(Task task) {
        lock.lock();
        try {
            return tasks.remove(task);
        } finally {
            lock.unlock();
        }
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException overflow) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** One scheduled run; ordered by due time, then by scheduling order. */
    private final class Task implements Cancellable, Comparable<Task> {
        private final long dueNanos;
        private final long seq;
        private final Runnable action;

        Task(long dueNanos, long seq, Runnable action) {
            this.dueNanos = dueNanos;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public boolean cancel() {
            return remove(this);
        }

        @Override
        public int compareTo(Task other) {
            int byDue = Long.compare(dueNanos, other.dueNanos);
            return byDue != 0 ? byDue : Long.compare(seq, other.seq);
        }
    }
}
