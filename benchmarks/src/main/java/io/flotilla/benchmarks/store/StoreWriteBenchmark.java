package io.flotilla.benchmarks.store;

import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.core.store.InMemoryObjectStore;
import io.flotilla.core.store.Watch;
import io.flotilla.core.store.WatchEvent;
import io.flotilla.core.store.WatchOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Pod status writes per second: the store (optimistic update of the latest version, as a controller or node agent
 * writes) with 0, 1 or 10 watchers following every Pod event, and a {@link ConcurrentHashMap} doing the same
 * client-side work (copy-with-status, stamp a resourceVersion, put) as the peer. Two writer threads, each on its
 * own 2,048 pods.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
public class StoreWriteBenchmark {
    static final int PODS_PER_THREAD = 2_048;
    private static final PodStatus[] STATUSES = {PodStatus.of(PodStatus.RUNNING), PodStatus.of(PodStatus.PENDING)};

    /** The store and its watchers. */
    @State(Scope.Benchmark)
    public static class StoreState {
        /** How many watchers follow every Pod event. */
        @Param({"0", "1", "10"})
        public int watchers;

        /** The store's history size. */
        @Param({"65536"})
        public int history;

        InMemoryObjectStore store;
        final AtomicInteger threads = new AtomicInteger();
        private final List<Thread> consumers = new ArrayList<>();
        private final AtomicLong delivered = new AtomicLong();
        private final AtomicLong cutOffs = new AtomicLong();
        private volatile boolean running;

        /** Creates the store and starts the watchers. */
        @Setup(Level.Trial)
        public void start() {
            store = InMemoryObjectStore.builder().historySize(history).build();
            running = true;
            for (int i = 0; i < watchers; i++) {
                consumers.add(Thread.ofVirtual().name("watcher-" + i).start(this::follow));
            }
        }

        private void follow() {
            Watch<Pod> watch = store.watch(Pod.TYPE, WatchOptions.fromNow());
            long seen = 0;
            try {
                while (running) {
                    WatchEvent<Pod> e = watch.poll(Duration.ofMillis(100));
                    if (e == null) {
                        continue;
                    }
                    if (e.isTerminal()) {
                        cutOffs.incrementAndGet();
                        watch = store.watch(Pod.TYPE, WatchOptions.fromNow());
                    } else if (e.object() != null) {
                        seen++;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                watch.close();
                delivered.addAndGet(seen);
            }
        }

        /** Stops the watchers and prints what they saw. */
        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            running = false;
            for (Thread t : consumers) {
                t.join();
            }
            System.out.printf("%n[store] watchers=%d revision=%d events delivered=%d watchers cut off=%d%n",
                    watchers, store.revision(), delivered.get(), cutOffs.get());
            store.close();
        }
    }

    /** One writer's pods, latest stored versions. */
    @State(Scope.Thread)
    public static class StoreWriter {
        Pod[] latest;
        int next;

        /** Creates this writer's pods in the store. */
        @Setup(Level.Trial)
        public void create(StoreState state) {
            int base = state.threads.getAndIncrement() * PODS_PER_THREAD;
            latest = new Pod[PODS_PER_THREAD];
            for (int i = 0; i < latest.length; i++) {
                latest[i] = state.store.create(Pods.pod(base + i));
            }
        }
    }

    /** The peer: a plain map of the same pods. */
    @State(Scope.Benchmark)
    public static class MapState {
        final ConcurrentHashMap<String, Pod> map = new ConcurrentHashMap<>();
        final AtomicLong revision = new AtomicLong();
        final AtomicInteger threads = new AtomicInteger();
    }

    /** One writer's pods in the peer map. */
    @State(Scope.Thread)
    public static class MapWriter {
        Pod[] latest;
        int next;

        /** Puts this writer's pods in the map. */
        @Setup(Level.Trial)
        public void create(MapState state) {
            int base = state.threads.getAndIncrement() * PODS_PER_THREAD;
            latest = new Pod[PODS_PER_THREAD];
            for (int i = 0; i < latest.length; i++) {
                latest[i] = Pods.pod(base + i);
                state.map.put(latest[i].metadata().name(), latest[i]);
            }
        }
    }

    /** One optimistic status update through the store. */
    @Benchmark
    public Pod storeUpdate(StoreState state, StoreWriter writer) {
        int i = writer.next++ & (PODS_PER_THREAD - 1);
        Pod next = writer.latest[i].withStatus(STATUSES[writer.next >> 11 & 1]);
        Pod stored = state.store.update(next);
        writer.latest[i] = stored;
        return stored;
    }

    /** The same client work put into a plain map. */
    @Benchmark
    public Pod concurrentHashMapPut(MapState state, MapWriter writer) {
        int i = writer.next++ & (PODS_PER_THREAD - 1);
        Pod next = writer.latest[i].withStatus(STATUSES[writer.next >> 11 & 1]);
        Pod stamped = next.withMetadata(next.metadata().withResourceVersion(
                Long.toString(state.revision.incrementAndGet())));
        state.map.put(stamped.metadata().name(), stamped);
        writer.latest[i] = stamped;
        return stamped;
    }
}
