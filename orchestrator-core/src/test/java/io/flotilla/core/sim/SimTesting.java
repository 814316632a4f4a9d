package io.flotilla.core.sim;

import io.flotilla.core.time.VirtualClock;

/** Helpers for tests in which another thread blocks on the simulated runtime. */
final class SimTesting {
    private SimTesting() {
    }

    /**
     * Waits (busily, bounded to 10 s of real time) until the blocked thread has scheduled its wake-up on the clock,
     * so that advancing the clock afterwards releases it.
     */
    static void awaitPendingTask(VirtualClock clock) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (clock.pendingTasks() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the blocked call never scheduled its wake-up");
            }
            Thread.onSpinWait();
        }
    }
}
