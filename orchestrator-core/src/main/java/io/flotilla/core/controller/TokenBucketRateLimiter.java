package io.flotilla.core.controller;

import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * See {@link RateLimiter#tokenBucket}. The bucket follows {@code golang.org/x/time/rate}'s reservation model: refill
 * by elapsed time, take one token (possibly going negative), and wait for the deficit at the refill rate. Thread-safe
 * through its monitor.
 */
final class TokenBucketRateLimiter<T> implements RateLimiter<T> {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double qps;
    private final int burst;
    private final Clock clock;
    private double tokens;
    private long lastNanos;

    TokenBucketRateLimiter(double qps, int burst, Clock clock) {
        if (!(qps > 0) || Double.isInfinite(qps)) {
            throw new IllegalArgumentException("qps must be positive and finite, was " + qps);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
        this.qps = qps;
        this.burst = burst;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = burst;
        this.lastNanos = clock.nanoTime();
    }

    @Override
    public synchronized Duration when(T item) {
        long now = clock.nanoTime();
        long elapsed = Math.max(0, now - lastNanos);
        tokens = Math.min(burst, tokens + elapsed / NANOS_PER_SECOND * qps);
        lastNanos = Math.max(lastNanos, now);
        tokens -= 1;
        return tokens >= 0 ? Duration.ZERO : Duration.ofNanos(Math.round(-tokens / qps * NANOS_PER_SECOND));
    }

    @Override
    public void forget(T item) {
        // The bucket is shared by all items; there is nothing per item to forget.
    }

    @Override
    public int numRequeues(T item) {
        return 0;
    }
}
