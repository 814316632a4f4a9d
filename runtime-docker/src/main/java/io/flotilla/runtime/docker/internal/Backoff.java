package io.flotilla.runtime.docker.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential reconnect delays: {@code initial}, doubling up to {@code max}, back to {@code initial} after
 * {@link #reset()}. Confined to one thread.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration next;

    /**
     * Delays from {@code initial} up to {@code max}.
     *
     * @throws IllegalArgumentException if {@code initial} is not positive or exceeds {@code max}
     */
    public Backoff(Duration initial, Duration max) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        if (initial.isZero() || initial.isNegative() || initial.compareTo(max) > 0) {
            throw new IllegalArgumentException("need 0 < initial <= max: " + initial + ", " + max);
        }
        this.next = initial;
    }

    /** The delay before the next attempt; each call doubles the following one, up to the maximum. */
    public Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    /** Starts over from the initial delay (after a successful attempt). */
    public void reset() {
        next = initial;
    }
}
