package io.flotilla.core.node;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Design notes: on one engine, a sandbox start (network endpoint, veth, iptables) and the stop of a finished pod's
 * sandbox compete for the same daemon; a dependent pod (the API after its migration Job) should not wait for the
 * Job's clean-up. The wait is in real time, bounded, and never on the agent's clock: it orders runtime work that is
 * happening anyway, so a virtual clock in tests has nothing to advance for it.
 */

/** Counts the sandbox starts in flight on one node, so that clean-up can yield to them. Thread-safe. */
final class SandboxStarts {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int inFlight;

    /** A sandbox start began; pair with {@link #ended()}. */
    void began() {
        lock.lock();
        try {
            inFlight++;
        } finally {
            lock.unlock();
        }
    }

    /** A sandbox start ended (ready or failed). */
    void ended() {
        lock.lock();
        try {
            if (inFlight > 0 && --inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until no sandbox start is in flight, at most {@code limit} (real time).
     *
     * @return whether none is in flight
     */
    boolean awaitIdle(Duration limit) {
        long nanos = limit.toNanos();
        lock.lock();
        try {
            while (inFlight > 0 && nanos > 0) {
                nanos = idle.awaitNanos(nanos);
            }
            return inFlight == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return inFlight == 0;
        } finally {
            lock.unlock();
        }
    }
}
