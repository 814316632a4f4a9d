package io.flotilla.testkit.contract;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * How the contract suite lets time pass, so one test body serves real and simulated runtimes. Real runtimes use
 * {@link #real()}, which polls in real time; the simulated runtime's test advances its virtual clock instead.
 */
public interface TestTime {

    /**
     * Returns once {@code condition} holds, letting time pass meanwhile.
     *
     * @param what      what is awaited, for the failure message
     * @param timeout   how much time may pass (real or virtual)
     * @param condition checked repeatedly; may throw to fail at once
     * @throws AssertionError if the condition still fails after {@code timeout}
     */
    void await(String what, Duration timeout, BooleanSupplier condition);

    /** Lets {@code duration} pass. */
    void pass(Duration duration);

    /** Real time: polls every 50 ms; {@link #pass} sleeps. For integration tests against real runtimes only. */
    static TestTime real() {
        return new TestTime() {
            @Override
            public void await(String what, Duration timeout, BooleanSupplier condition) {
                Objects.requireNonNull(condition, "condition");
                long deadline = System.nanoTime() + timeout.toNanos();
                while (!condition.getAsBoolean()) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
                    }
                    pass(Duration.ofMillis(50));
                }
            }

            @Override
            public void pass(Duration duration) {
                try {
                    Thread.sleep(duration);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        };
    }
}
