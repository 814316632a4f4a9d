package io.flotilla.core.store;

import java.util.concurrent.atomic.AtomicReferenceArray;

/*
 * Design notes: a ring of the most recent changes, indexed by revision modulo a power-of-two capacity. Only the
 * writer holding the store's write lock appends; it stores the slot (release) before the object becomes visible in
 * the tables and publishes `head` (volatile) after, so: every change <= head is in the tables, and any table value a
 * reader can see already has its slot written. Readers never lock: a slot holding a smaller revision than asked is
 * not yet written, a larger one means the reader was lapped (the history no longer holds what it wants).
 */
final class EventLog {
    private final AtomicReferenceArray<Change> ring;
    private final int mask;
    private volatile long head;

    EventLog(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("history size must be at least 2, was " + capacity);
        }
        int size = Integer.highestOneBit(capacity - 1) << 1;
        ring = new AtomicReferenceArray<>(size);
        mask = size - 1;
    }

    /** The latest published revision. */
    long head() {
        return head;
    }

    int capacity() {
        return mask + 1;
    }

    /** The oldest revision whose change is still retained (the history may be empty: then it is head + 1). */
    long oldestRetained() {
        return Math.max(1, head - mask + 1);
    }

    /** Writer only, under the write lock. */
    void append(Change change) {
        ring.setRelease((int) (change.revision() & mask), change);
    }

    /** Writer only, under the write lock, after the tables reflect {@code revision}. */
    void publish(long revision) {
        head = revision;
    }

    /**
     * Waits until {@code revision} is published. Only called for a write already in its critical section, which
     * publishes within a few instructions, so this spins (yielding if the writer was descheduled).
     */
    void awaitPublished(long revision) {
        for (int spins = 0; head < revision; spins++) {
            if (spins < 1_000) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** The slot for {@code revision}: check its revision, it may be older (unwritten) or newer (lapped). */
    Change at(long revision) {
        return ring.getAcquire((int) (revision & mask));
    }
}
