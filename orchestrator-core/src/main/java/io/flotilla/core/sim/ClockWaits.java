package io.flotilla.core.sim;

import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocks a caller of the simulated runtime until its clock passes a latency, as the real call would take that long.
 * On a virtual clock someone else must advance the clock; a wait longer than the latency plus a real-time safety
 * margin fails with {@link ContainerRuntimeException.Unavailable} instead of hanging a test for ever. Thread-safe.
 */
final class ClockWaits {
    private final Clock clock;
    private final String endpoint;
    private final Duration margin;

    ClockWaits(Clock clock, String endpoint, Duration margin) {
        this.clock = clock;
        this.endpoint = endpoint;
        this.margin = margin;
    }

    /** Returns once {@code latency} has passed on the clock; at once for zero. */
    void await(Duration latency, String what) {
        if (latency.isZero() || latency.isNegative()) {
            return;
        }
        CompletableFuture<Void> due = new CompletableFuture<>();
        clock.schedule(latency, () -> due.complete(null));
        await(due, latency, what);
    }

    /** Returns once {@code done} completes, which the clock is expected to do within {@code latency}. */
    void await(CompletableFuture<Void> done, Duration latency, String what) {
        try {
            done.get(latency.plus(margin).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ContainerRuntimeException.Unavailable(endpoint, "gave up waiting for " + what + " after "
                    + margin + " of real time beyond its latency: is anything advancing the clock?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerRuntimeException.Unavailable(endpoint, "interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
