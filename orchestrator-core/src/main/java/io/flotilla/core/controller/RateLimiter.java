package io.flotilla.core.controller;

import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides how long an item waits before it is retried, as client-go's {@code workqueue.RateLimiter}: every
 * {@link #when} call counts as one more failure of the item, and {@link #forget} clears the item's history once it
 * succeeds. Used by {@link WorkQueue#addRateLimited}.
 *
 * <p>Implementations are thread-safe. Items are compared with {@code equals}.
 *
 * @param <T> the item type
 */
public interface RateLimiter<T> {
    /** client-go's default per-item base delay: 5 ms. */
    Duration DEFAULT_BASE_DELAY = Duration.ofMillis(5);
    /** client-go's default per-item maximum delay: 1000 s. */
    Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(1000);
    /** client-go's default overall rate: 10 items per second. */
    double DEFAULT_QPS = 10;
    /** client-go's default overall burst: 100 items. */
    int DEFAULT_BURST = 100;

    /**
     * Records one more failure of {@code item} and returns how long it should wait.
     *
     * @param item the item; not {@code null}
     * @return the delay, zero or more; never {@code null}
     */
    Duration when(T item);

    /**
     * Clears the failure history of {@code item} (it succeeded, or was dropped). Harmless for unknown items.
     *
     * @param item the item; not {@code null}
     */
    void forget(T item);

    /**
     * How many failures of {@code item} have been recorded since it was last forgotten; 0 when the limiter does not
     * track items.
     *
     * @param item the item; not {@code null}
     */
    int numRequeues(T item);

    /**
     * Per-item exponential backoff: the n-th failure since the last {@link #forget} waits
     * {@code base * 2^(n-1)}, capped at {@code max} (client-go's {@code ItemExponentialFailureRateLimiter}).
     *
     * @param base the first delay; zero or more
     * @param max  the cap; zero or more
     * @throws IllegalArgumentException if a delay is negative
     * @throws NullPointerException     if a delay is {@code null}
     */
    static <T> RateLimiter<T> exponentialBackoff(Duration base, Duration max) {
        return new ExponentialBackoffRateLimiter<>(base, max);
    }

    /**
     * An overall token bucket shared by all items, refilled at {@code qps} tokens a second up to {@code burst}
     * (client-go's {@code BucketRateLimiter}). Each {@link #when} takes a token, going into debt when none is left,
     * and waits until the debt would be repaid. Computed on {@code clock}; it never sleeps.
     *
     * @param qps   tokens added per second; positive
     * @param burst bucket size, also the initial fill; at least 1
     * @param clock the time source; not {@code null}
     * @throws IllegalArgumentException if {@code qps} or {@code burst} is out of range
     */
    static <T> RateLimiter<T> tokenBucket(double qps, int burst, Clock clock) {
        return new TokenBucketRateLimiter<>(qps, burst, clock);
    }

    /**
     * Combines limiters: the delay is the longest of theirs, {@link #forget} forgets in all, and
     * {@link #numRequeues} is the highest (client-go's {@code MaxOfRateLimiter}).
     *
     * @throws IllegalArgumentException if no limiter is given
     * @throws NullPointerException     if a limiter is {@code null}
     */
    @SafeVarargs
    static <T> RateLimiter<T> maxOf(RateLimiter<T>... limiters) {
        List<RateLimiter<T>> all = new ArrayList<>(limiters.length);
        for (RateLimiter<T> limiter : limiters) {
            all.add(Objects.requireNonNull(limiter, "limiter"));
        }
        return new MaxOfRateLimiter<>(all);
    }

    /**
     * client-go's {@code DefaultControllerRateLimiter}: the maximum of per-item exponential backoff (5 ms up to
     * 1000 s) and an overall token bucket (10 qps, burst 100), on {@code clock}.
     *
     * @throws NullPointerException if {@code clock} is {@code null}
     */
    static <T> RateLimiter<T> defaultControllerRateLimiter(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return maxOf(exponentialBackoff(DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY),
                tokenBucket(DEFAULT_QPS, DEFAULT_BURST, clock));
    }
}
