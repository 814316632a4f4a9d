package io.flotilla.core.controller;

import io.flotilla.core.time.Cancellable;
import io.flotilla.core.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A controller work queue with client-go's semantics: a FIFO of keys plus a <em>dirty</em> set (keys waiting to be
 * handled) and a <em>processing</em> set (keys a worker holds).
 *
 * <ul>
 *   <li>Adding a key that is already waiting does nothing, so a burst of events becomes one reconcile.</li>
 *   <li>Adding a key while a worker holds it marks it dirty; it is queued again only when the worker calls
 *       {@link #done}, so no key is ever handled by two workers at once, and the change is not lost.</li>
 *   <li>{@link #addAfter} parks a key on the injected {@link Clock}; parking an already parked key keeps the sooner
 *       time.</li>
 *   <li>{@link #addRateLimited} parks a key for as long as the {@link RateLimiter} says (by default per-key
 *       exponential backoff combined with an overall token bucket); {@link #forget} resets its history.</li>
 * </ul>
 *
 * <p>The worker loop is: {@code get()}, handle the key, then {@code forget} or {@code addRateLimited}, and always
 * {@code done} in a {@code finally}. All methods are thread-safe; keys must not be {@code null} and are compared with
 * {@code equals}.
 *
 * @param <T> the key type, usually {@link io.flotilla.api.controller.Request}
 */
public final class WorkQueue<T> {
    private final Clock clock;
    private final RateLimiter<T> rateLimiter;
    private final QueueMetrics metrics;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private final Set<T> dirty = new HashSet<>();
    private final Set<T> processing = new HashSet<>();
    private final Map<T, Long> addedAt = new HashMap<>();
    private final Map<T, Long> takenAt = new HashMap<>();
    private final Map<T, Parked> parked = new HashMap<>();
    private boolean shuttingDown;
    private boolean draining;

    private WorkQueue(Builder<T> builder) {
        this.clock = builder.clock;
        this.rateLimiter = builder.rateLimiter != null
                ? builder.rateLimiter : RateLimiter.defaultControllerRateLimiter(builder.clock);
        this.metrics = new QueueMetrics(builder.meterRegistry, builder.name, this);
    }

    /** A builder with client-go's defaults: the system clock and the default controller rate limiter. */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * Queues {@code key} unless it is already waiting; if a worker holds it, it is queued again after
     * {@link #done}. Ignored after shutdown.
     *
     * @throws NullPointerException if {@code key} is {@code null}
     */
    public void add(T key) {
        Objects.requireNonNull(key, "key");
        lock.lock();
        try {
            if (shuttingDown || dirty.contains(key)) {
                return;
            }
            metrics.added();
            addedAt.putIfAbsent(key, clock.nanoTime());
            dirty.add(key);
            if (!processing.contains(key)) {
                queue.addLast(key);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The queue clock's reading, in nanoseconds; for callers that space their adds on the same clock. */
    long nanoTime() {
        return clock.nanoTime();
    }

    /**
     * Queues {@code key} once {@code delay} has passed on the clock; a zero or negative delay adds at once. If the
     * key is already parked, the sooner of the two times wins. Ignored after shutdown.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public void addAfter(T key, Duration delay) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.isZero()) {
            add(key);
            return;
        }
        lock.lock();
        try {
            if (shuttingDown) {
                return;
            }
            long readyAt = saturatedAdd(clock.nanoTime(), delay);
            Parked existing = parked.get(key);
            if (existing != null) {
                if (existing.readyAt <= readyAt) {
                    return;
                }
                existing.timer.cancel();
            }
            Parked entry = new Parked(readyAt);
            entry.timer = clock.schedule(delay, () -> unpark(key, entry));
            parked.put(key, entry);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues {@code key} after the delay the rate limiter gives it, counting one more failure. Ignored after
     * shutdown.
     *
     * @throws NullPointerException if {@code key} is {@code null}
     */
    public void addRateLimited(T key) {
        Objects.requireNonNull(key, "key");
        if (isShuttingDown()) {
            return;
        }
        metrics.retried();
        addAfter(key, rateLimiter.when(key));
    }

    /**
     * Clears the rate limiter's failure history of {@code key}; call it when the key was handled successfully. Does
     * not remove the key from the queue.
     *
     * @throws NullPointerException if {@code key} is {@code null}
     */
    public void forget(T key) {
        rateLimiter.forget(Objects.requireNonNull(key, "key"));
    }

    /**
     * How many times {@code key} has been rate-limited since it was last {@linkplain #forget forgotten}.
     *
     * @throws NullPointerException if {@code key} is {@code null}
     */
    public int numRequeues(T key) {
        return rateLimiter.numRequeues(Objects.requireNonNull(key, "key"));
    }

    /**
     * Takes the next key, waiting while the queue is empty. The caller holds the key until it calls {@link #done}.
     * After {@link #shutDown} the keys still queued are handed out, then every call returns empty at once.
     *
     * @return the key, or empty once the queue is shut down and empty
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public Optional<T> get() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (queue.isEmpty() && !shuttingDown) {
                changed.await();
            }
            T key = queue.pollFirst();
            if (key == null) {
                return Optional.empty();
            }
            long now = clock.nanoTime();
            Long added = addedAt.remove(key);
            if (added != null) {
                metrics.waited(now - added);
            }
            takenAt.put(key, now);
            processing.add(key);
            dirty.remove(key);
            return Optional.of(key);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Releases a key taken with {@link #get}; if it was added meanwhile, it is queued again now. Harmless for a key
     * that is not held.
     *
     * @throws NullPointerException if {@code key} is {@code null}
     */
    public void done(T key) {
        Objects.requireNonNull(key, "key");
        lock.lock();
        try {
            Long taken = takenAt.remove(key);
            if (taken != null) {
                metrics.worked(clock.nanoTime() - taken);
            }
            processing.remove(key);
            if (dirty.contains(key)) {
                queue.addLast(key);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many keys are queued and ready (not counting held or parked keys). */
    public int len() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops accepting keys and wakes every waiting {@link #get}; parked keys are dropped, keys already queued are
     * still handed out. Idempotent.
     */
    public void shutDown() {
        lock.lock();
        try {
            shuttingDown = true;
            draining = false;
            dropParked();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Like {@link #shutDown}, then waits until every key handed out has been {@linkplain #done done} (as client-go's
     * {@code ShutDownWithDrain}); a concurrent {@link #shutDown} ends the wait early.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public void shutDownWithDrain() throws InterruptedException {
        lock.lock();
        try {
            shuttingDown = true;
            draining = true;
            dropParked();
            changed.signalAll();
            while (draining && !processing.isEmpty()) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@link #shutDown} or {@link #shutDownWithDrain} has been called. */
    public boolean isShuttingDown() {
        lock.lock();
        try {
            return shuttingDown;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until no key is queued or held (parked keys do not count), or until {@code timeout} of real time has
     * passed. Meant for tests on a virtual clock: after advancing the clock, wait for the workers to catch up.
     *
     * @return {@code true} if the queue became idle, {@code false} on timeout
     * @throws InterruptedException if the thread is interrupted while waiting
     * @throws NullPointerException if {@code timeout} is {@code null}
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long remaining = Objects.requireNonNull(timeout, "timeout").toNanos();
        lock.lockInterruptibly();
        try {
            while (!queue.isEmpty() || !processing.isEmpty()) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = changed.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void unpark(T key, Parked entry) {
        lock.lock();
        try {
            if (parked.get(key) != entry) {
                return; // superseded by a sooner addAfter, or dropped at shutdown
            }
            parked.remove(key);
            add(key);
        } finally {
            lock.unlock();
        }
    }

    private void dropParked() {
        parked.values().forEach(entry -> entry.timer.cancel());
        parked.clear();
    }

    private static long saturatedAdd(long nanos, Duration delay) {
        long delayNanos = delay.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : delay.toNanos();
        long sum = nanos + delayNanos;
        return sum < nanos ? Long.MAX_VALUE : sum;
    }

    /** A key waiting for its {@link #addAfter} time. */
    private static final class Parked {
        final long readyAt;
        Cancellable timer;

        Parked(long readyAt) {
            this.readyAt = readyAt;
        }
    }

    /**
     * Configures a {@link WorkQueue}. Not thread-safe; every setter returns {@code this}.
     *
     * @param <T> the key type
     */
    public static final class Builder<T> {
        private String name = "workqueue";
        private Clock clock = Clock.system();
        private RateLimiter<T> rateLimiter;
        private MeterRegistry meterRegistry;

        private Builder() {
        }

        /** The name used to tag the queue's metrics; default {@code workqueue}. */
        public Builder<T> name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The clock for delayed adds, rate limiting and metrics; default {@link Clock#system()}. */
        public Builder<T> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The rate limiter; default {@link RateLimiter#defaultControllerRateLimiter} on the queue's clock. */
        public Builder<T> rateLimiter(RateLimiter<T> rateLimiter) {
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
            return this;
        }

        /** Where to register the queue's meters; {@code null} (the default) records nothing. */
        public Builder<T> meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = meterRegistry;
            return this;
        }

        /** The queue. */
        public WorkQueue<T> build() {
            return new WorkQueue<>(this);
        }
    }
}
