package io.flotilla.core.store;

import java.util.concurrent.locks.ReentrantLock;

/*
 * Design notes: the store's write section lasts a few hundred nanoseconds, far less than parking and unparking a
 * thread, so a writer that finds the lock taken spins briefly (tryLock + onSpinWait) before queueing. Without this,
 * two writers on two cores form a convoy where every release pays an unpark. A ReentrantLock rather than a monitor
 * so that virtual threads never pin their carrier on Java 21.
 */
final class WriteLock {
    private static final int SPINS = 128;

    private final ReentrantLock lock = new ReentrantLock();

    void lock() {
        for (int i = 0; i < SPINS; i++) {
            if (lock.tryLock()) {
                return;
            }
            Thread.onSpinWait();
        }
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }
}
