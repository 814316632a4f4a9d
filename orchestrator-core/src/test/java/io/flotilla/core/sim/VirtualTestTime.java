package io.flotilla.core.sim;

import io.flotilla.core.time.VirtualClock;
import io.flotilla.testkit.contract.TestTime;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** {@link TestTime} on a {@link VirtualClock}: awaiting advances the clock in 100 ms steps, never sleeping. */
final class VirtualTestTime implements TestTime {
    private static final Duration STEP = Duration.ofMillis(100);
    private final VirtualClock clock;

    VirtualTestTime(VirtualClock clock) {
        this.clock = clock;
    }

    @Override
    public void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = clock.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (clock.nanoTime() >= deadline) {
                throw new AssertionError("timed out after " + timeout + " of virtual time waiting for " + what);
            }
            clock.advance(STEP);
        }
    }

    @Override
    public void pass(Duration duration) {
        clock.advance(duration);
    }
}
