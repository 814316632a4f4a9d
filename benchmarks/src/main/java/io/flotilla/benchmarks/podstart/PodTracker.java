package io.flotilla.benchmarks.podstart;

import io.flotilla.api.core.Pod;
import io.flotilla.core.controller.ResourceEventHandler;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What an informer says about the harness's pods: the latest version of every pod carrying the batch label,
 * grouped by batch, with a wait that wakes on each change (no polling). Thread-safe: the informer calls the
 * handler methods, the harness waits.
 */
final class PodTracker implements ResourceEventHandler<Pod> {
    private final String batchLabel;
    private final Map<String, Map<String, Pod>> batches = new HashMap<>();

    /** Tracks pods labelled {@code batchLabel}. */
    PodTracker(String batchLabel) {
        this.batchLabel = batchLabel;
    }

    @Override
    public synchronized void onAdd(Pod pod) {
        String batch = pod.metadata().labels().get(batchLabel);
        if (batch != null) {
            batches.computeIfAbsent(batch, b -> new HashMap<>()).put(pod.metadata().name(), pod);
            notifyAll();
        }
    }

    @Override
    public void onUpdate(Pod oldPod, Pod newPod) {
        onAdd(newPod);
    }

    @Override
    public synchronized void onDelete(Pod pod) {
        String batch = pod.metadata().labels().get(batchLabel);
        Map<String, Pod> pods = batch == null ? null : batches.get(batch);
        if (pods != null) {
            pods.remove(pod.metadata().name());
            if (pods.isEmpty()) {
                batches.remove(batch);
            }
            notifyAll();
        }
    }

    /**
     * Waits until the pods of {@code batch} pass {@code done}.
     *
     * @throws IllegalStateException naming {@code what} and the pods' phases if {@code timeout} passes first
     */
    synchronized void await(String batch, Predicate<List<Pod>> done, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(pods(batch))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(what + " not reached within " + timeout + "; phases: "
                        + pods(batch).stream().map(p -> p.metadata().name() + "="
                        + (p.status() == null ? "none" : p.status().phase())).toList());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private List<Pod> pods(String batch) {
        Map<String, Pod> pods = batches.get(batch);
        return pods == null ? List.of() : List.copyOf(pods.values());
    }
}
