package io.flotilla.core.sim;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls listeners one at a time, in submission order, without the runtime's lock held. The runtime submits calls
 * while it holds its lock (so the order matches the order of state changes) and drains after releasing it. Whoever
 * drains delivers everything queued, including calls other threads submit meanwhile; a listener that calls back
 * into the runtime only queues, and its calls are delivered after it returns. A listener that throws is logged and
 * skipped. Thread-safe.
 */
final class SerialDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(SerialDelivery.class);

    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock delivering = new ReentrantLock();

    void submit(Runnable call) {
        queue.add(call);
    }

    void drain() {
        while (!queue.isEmpty()) {
            if (delivering.isHeldByCurrentThread() || !delivering.tryLock()) {
                return; // the thread delivering re-checks the queue after it unlocks
            }
            try {
                Runnable call;
                while ((call = queue.poll()) != null) {
                    try {
                        call.run();
                    } catch (RuntimeException e) {
                        LOG.warn("A listener of the simulated runtime failed", e);
                    }
                }
            } finally {
                delivering.unlock();
            }
        }
    }
}
