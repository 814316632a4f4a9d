package io.flotilla.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.ConfigMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CompareAndSwapTest {
    private static final int THREADS = 8;
    private static final int INCREMENTS = 10_000;

    @Test
    void concurrentReadModifyWriteLosesNoIncrement() throws Exception {
        try (InMemoryObjectStore store = InMemoryObjectStore.create()) {
            store.create(ConfigMap.named("counter").namespace("default").data("count", "0").build());
            AtomicLong conflicts = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < INCREMENTS; i++) {
                            increment(store, conflicts);
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            ConfigMap counter = store.get(ConfigMap.TYPE, "default", "counter").orElseThrow();
            assertThat(counter.data()).containsEntry("count", Integer.toString(THREADS * INCREMENTS));
            assertThat(counter.metadata().resourceVersion()).isEqualTo(Long.toString(1 + THREADS * INCREMENTS));
            assertThat(store.revision()).isEqualTo(1 + THREADS * INCREMENTS);
        }
    }

    private static void increment(InMemoryObjectStore store, AtomicLong conflicts) {
        while (true) {
            ConfigMap current = store.get(ConfigMap.TYPE, "default", "counter").orElseThrow();
            int next = Integer.parseInt(current.data().get("count")) + 1;
            try {
                store.update(current.toBuilder().data("count", Integer.toString(next)).build());
                return;
            } catch (StoreException.Conflict retry) {
                conflicts.incrementAndGet();
            }
        }
    }

    @Test
    void guardedUpdatesFromManyThreadsLoseNoIncrement() throws Exception {
        try (InMemoryObjectStore store = InMemoryObjectStore.create();
             ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            store.create(ConfigMap.named("counter").namespace("default").data("count", "0").build());
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        store.update(ConfigMap.TYPE, "default", "counter", cm -> cm.toBuilder()
                                .data("count", Integer.toString(Integer.parseInt(cm.data().get("count")) + 1))
                                .build());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
            assertThat(store.get(ConfigMap.TYPE, "default", "counter").orElseThrow().data())
                    .containsEntry("count", Integer.toString(THREADS * 2_000));
        }
    }
}
