package io.flotilla.benchmarks.scheduler;

import io.flotilla.api.core.Pod;
import io.flotilla.core.store.WatchEvent;
import io.flotilla.core.store.WatchListener;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One round of pods on the benchmark's cluster, seen through a watch: the create time of each pod, the time it was
 * seen bound, and (for a warm-up round, whose pods are deleted afterwards) the deletes. The watch's listener thread
 * writes, the benchmark's thread waits; the maps and counters are thread-safe, and {@link #latenciesNanos()} and
 * {@link #lastBindNanos()} are read only after {@link #awaitBound} returned. Not a test.
 */
final class Round implements WatchListener<Pod> {
    private final int pods;
    private final Map<String, Long> created;
    private final Map<String, Boolean> deleting;
    private final long[] latencies;
    private final AtomicInteger bound = new AtomicInteger();
    private final CountDownLatch allBound = new CountDownLatch(1);
    private final CountDownLatch allDeleted;
    private volatile long lastBind;

    /** A round of {@code pods} pods. */
    Round(int pods) {
        this.pods = pods;
        this.created = new ConcurrentHashMap<>(pods * 2);
        this.deleting = new ConcurrentHashMap<>(pods * 2);
        this.latencies = new long[pods];
        this.allDeleted = new CountDownLatch(pods);
    }

    /** Remembers that {@code name} is being created now. */
    void creating(String name) {
        created.put(name, System.nanoTime());
    }

    /** Remembers that {@code name} is being deleted, so its DELETED event counts. */
    void deleting(String name) {
        deleting.put(name, Boolean.TRUE);
    }

    @Override
    public void onEvent(WatchEvent<Pod> e) {
        Pod pod = e.object();
        if (pod == null) {
            return;
        }
        if (e.type() == WatchEvent.Type.DELETED) {
            if (deleting.remove(pod.metadata().name()) != null) {
                allDeleted.countDown();
            }
        } else if (e.type() == WatchEvent.Type.MODIFIED && pod.nodeName() != null) {
            Long t0 = created.remove(pod.metadata().name());
            if (t0 != null) {
                long now = System.nanoTime();
                int k = bound.getAndIncrement();
                latencies[k] = now - t0;
                if (k + 1 == pods) {
                    lastBind = now;
                    allBound.countDown();
                }
            }
        }
    }

    /**
     * Waits until every pod of the round was seen bound.
     *
     * @throws IllegalStateException if that takes longer than {@code timeout}
     */
    void awaitBound(String name, Duration timeout) throws InterruptedException {
        if (!allBound.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + ": only " + bound.get() + " of " + pods + " pods bound");
        }
    }

    /**
     * Waits until every pod of the round was seen deleted.
     *
     * @throws IllegalStateException if that takes longer than {@code timeout}
     */
    void awaitDeleted(String name, Duration timeout) throws InterruptedException {
        if (!allDeleted.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + ": " + allDeleted.getCount() + " pods not deleted");
        }
    }

    /** When the last pod was seen bound ({@link System#nanoTime()}). */
    long lastBindNanos() {
        return lastBind;
    }

    /** Each pod's create-to-bind latency, sorted. */
    long[] latenciesNanos() {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
