package io.flotilla.core.store;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/*
 * Design notes: wakes watchers parked at the head of the log without making writers pay per watcher. A watcher
 * registers before re-checking the head and parking; a writer publishes the head, then (only if someone is
 * registered) raises `pending` and unparks this notifier's virtual thread (started by the first wait), once per
 * notifier cycle however many writes happen meanwhile. The notifier clears `pending` before unparking every
 * registered watcher, so a watcher that registered before a write is always woken (register -> read head vs. write
 * head -> read count, all volatile).
 */
final class Notifier implements AutoCloseable {
    private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile Thread thread;
    private volatile boolean running = true;

    void register(Thread waiter) {
        if (thread == null) {
            start();
        }
        waiting.add(waiter);
        count.incrementAndGet();
    }

    void unregister(Thread waiter) {
        count.decrementAndGet();
        waiting.remove(waiter);
    }

    private synchronized void start() {
        if (thread == null && running) {
            thread = Thread.ofVirtual().name("flotilla-store-notifier").start(this::run);
        }
    }

    /** Called by writers after publishing a revision: cheap when nobody waits or a wake-up is already pending. */
    void signal() {
        if (count.get() > 0 && !pending.get() && pending.compareAndSet(false, true)) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (running) {
            if (!pending.getAndSet(false)) {
                LockSupport.park(this);
                continue;
            }
            for (Thread waiter : waiting) {
                LockSupport.unpark(waiter);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
