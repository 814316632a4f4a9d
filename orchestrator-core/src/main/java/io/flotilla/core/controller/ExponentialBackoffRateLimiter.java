package io.flotilla.core.controller;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** See {@link RateLimiter#exponentialBackoff}. Thread-safe through its monitor. */
final class ExponentialBackoffRateLimiter<T> implements RateLimiter<T> {
    private final long baseNanos;
    private final long maxNanos;
    private final Map<T, Integer> failures = new HashMap<>();

    ExponentialBackoffRateLimiter(Duration base, Duration max) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("backoff delays must not be negative: base " + base + ", max " + max);
        }
        this.baseNanos = base.toNanos();
        this.maxNanos = max.toNanos();
    }

    @Override
    public synchronized Duration when(T item) {
        Objects.requireNonNull(item, "item");
        int exponent = failures.getOrDefault(item, 0);
        failures.put(item, exponent + 1);
        // base * 2^exponent without overflow: past the cap (or past 63 doublings) the answer is the cap.
        if (exponent >= Long.SIZE - 1 || baseNanos > (maxNanos >> exponent)) {
            return Duration.ofNanos(maxNanos);
        }
        return Duration.ofNanos(baseNanos << exponent);
    }

    @Override
    public synchronized void forget(T item) {
        failures.remove(item);
    }

    @Override
    public synchronized int numRequeues(T item) {
        return failures.getOrDefault(item, 0);
    }
}
