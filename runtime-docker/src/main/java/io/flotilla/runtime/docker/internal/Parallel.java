package io.flotilla.runtime.docker.internal;

import io.flotilla.api.runtime.ContainerRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs independent Docker calls (removing a pod's containers, cleaning up a cluster) on virtual threads at once,
 * and reports the first failure after all have finished. Stateless and thread-safe.
 */
final class Parallel {

    private Parallel() {
    }

    /**
     * Applies {@code action} to every item concurrently and waits for all.
     *
     * @throws ContainerRuntimeException the first failure, with the others suppressed
     */
    static <T> void forEach(List<T> items, Consumer<T> action) {
        if (items.isEmpty()) {
            return;
        }
        if (items.size() == 1) {
            action.accept(items.getFirst());
            return;
        }
        List<Thread> threads = new ArrayList<>(items.size());
        List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (T item : items) {
            threads.add(Thread.ofVirtual().name("flotilla-docker-parallel").start(() -> {
                try {
                    action.accept(item);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Docker calls", e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.getFirst();
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
