package io.flotilla.examples.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits on real time for a condition, polling every 50 ms, with a bound: what an example's {@code main} does
 * between "apply" and "show". Tests on the simulated runtime do not need it. Stateless and thread-safe.
 */
public final class Await {
    private static final long POLL_MILLIS = 50;

    private Await() {
    }

    /**
     * Returns once {@code condition} holds; a condition that throws counts as not holding yet.
     *
     * @param what    what is awaited, for the error message
     * @param timeout the bound
     * @throws IllegalStateException naming {@code what} (and the last error of the condition, if any) after
     *                               {@code timeout}, or if the thread is interrupted
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastError = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + (lastError == null ? "" : " (last error: " + lastError.getMessage() + ")"), lastError);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }
}
