package io.flotilla.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.meta.LabelSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 100,000 writes from two threads against watchers with different selectors, one of them deliberately slow: every
 * watcher either follows every change of its selection in revision order, or is cut off with Gone, relists,
 * rewatches, and in the end mirrors exactly what a list returns.
 */
class WatchConvergenceTest {
    private static final long WRITES = 100_000;
    private static final int KEYS = 500;
    private static final long SLOW_STARTS_AT = 20_000;

    private final InMemoryObjectStore store = InMemoryObjectStore.create();
    private final CountDownLatch slowMayStart = new CountDownLatch(1);
    private final CountDownLatch writersDone = new CountDownLatch(1);
    private volatile long finalRevision = Long.MAX_VALUE;

    @Test
    void everyWatcherFollowsEveryChangeOrRelistsAndConverges() throws Exception {
        List<Mirror> mirrors = List.of(
                new Mirror("all", WatchOptions.fromNow(), false),
                new Mirror("red", WatchOptions.fromNow().withLabelSelector(LabelSelector.of(Map.of("color", "red"))),
                        false),
                new Mirror("ns0", WatchOptions.fromNow().withNamespace("ns0"), false),
                new Mirror("blue-ns1", WatchOptions.fromNow()
                        .withLabelSelector(LabelSelector.of(Map.of("color", "blue")))
                        .withFieldSelector(FieldSelector.parse("metadata.namespace=ns1")), false),
                new Mirror("slow", WatchOptions.fromNow().withMaxBacklog(1_000), true));
        ExecutorService pool = Executors.newFixedThreadPool(mirrors.size() + 2);
        try {
            List<Future<Mirror>> watching = new ArrayList<>();
            for (Mirror m : mirrors) {
                m.start();
                watching.add(pool.submit(m));
            }
            List<Future<?>> writers = List.of(pool.submit(this::write), pool.submit(this::write));
            for (Future<?> w : writers) {
                w.get(120, TimeUnit.SECONDS);
            }
            finalRevision = store.revision();
            writersDone.countDown();
            for (Future<Mirror> f : watching) {
                Mirror m = f.get(120, TimeUnit.SECONDS);
                Map<String, ConfigMap> expected = new HashMap<>();
                store.list(ConfigMap.TYPE, m.options.asListOptions()).items().forEach(c -> expected.put(key(c), c));
                assertThat(m.cache).as(m.name).isEqualTo(expected);
            }
            assertThat(finalRevision).isGreaterThanOrEqualTo(WRITES);
            assertThat(mirrors.get(4).gones).as("the slow watcher was cut off").isPositive();
            assertThat(mirrors.get(4).events).isPositive();
        } finally {
            pool.shutdownNow();
            store.close();
        }
    }

    private void write() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (store.revision() < WRITES) {
            int k = random.nextInt(KEYS);
            String namespace = "ns" + (k % 2);
            String name = "k" + k;
            try {
                ConfigMap current = store.get(ConfigMap.TYPE, namespace, name).orElse(null);
                if (current == null) {
                    store.create(ConfigMap.named(name).namespace(namespace).label("color", "red")
                            .data("n", "0").build());
                } else if (random.nextInt(10) == 0) {
                    store.delete(ConfigMap.TYPE, namespace, name, Preconditions.NONE);
                } else {
                    String color = random.nextBoolean() ? "red" : "blue";
                    int n = Integer.parseInt(current.data().get("n")) + 1;
                    store.update(current.toBuilder().label("color", color).data("n", Integer.toString(n)).build());
                }
            } catch (StoreException.AlreadyExists | StoreException.NotFound | StoreException.Conflict raced) {
                // another writer got there first: just go on
            }
            if (store.revision() >= SLOW_STARTS_AT) {
                slowMayStart.countDown();
            }
        }
    }

    private static String key(ConfigMap c) {
        return c.metadata().namespace() + "/" + c.metadata().name();
    }

    private final class Mirror implements Callable<Mirror> {
        final String name;
        final WatchOptions options;
        final boolean slow;
        final Map<String, ConfigMap> cache = new HashMap<>();
        int gones;
        long events;
        private Watch<ConfigMap> watch;
        private long lastRevision;
        private boolean gapFreeSinceList;

        Mirror(String name, WatchOptions options, boolean slow) {
            this.name = name;
            this.options = options;
            this.slow = slow;
        }

        void start() {
            relist();
        }

        private void relist() {
            ListResult<ConfigMap> list = store.list(ConfigMap.TYPE, options.asListOptions());
            cache.clear();
            list.items().forEach(c -> cache.put(key(c), c));
            lastRevision = list.revision();
            gapFreeSinceList = true;
            watch = store.watch(ConfigMap.TYPE, options.withFromRevision(list.revision()));
        }

        @Override
        public Mirror call() throws Exception {
            if (slow) {
                assertThat(slowMayStart.await(120, TimeUnit.SECONDS)).isTrue();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(writersDone.getCount() == 0 && watch.revision() >= finalRevision)) {
                assertThat(System.nanoTime()).as(name + " made progress in time").isLessThan(deadline);
                WatchEvent<ConfigMap> e = watch.poll(Duration.ofMillis(50));
                if (e != null) {
                    apply(e);
                }
            }
            watch.close();
            return this;
        }

        private void apply(WatchEvent<ConfigMap> e) {
            switch (e.type()) {
                case ERROR -> {
                    assertThat(e.error()).isInstanceOf(StoreException.Gone.class);
                    gones++;
                    relist();
                    return;
                }
                case BOOKMARK -> {
                    assertThat(e.revision()).as(name).isGreaterThanOrEqualTo(lastRevision);
                    gapFreeSinceList = false;
                    lastRevision = e.revision();
                    return;
                }
                default -> {
                }
            }
            assertThat(e.revision()).as(name + " revision order").isGreaterThan(lastRevision);
            if (name.equals("all") && gapFreeSinceList) {
                assertThat(e.revision()).as("the unfiltered watcher sees every revision").isEqualTo(lastRevision + 1);
            }
            assertThat(e.object().metadata().resourceVersion()).isEqualTo(Long.toString(e.revision()));
            lastRevision = e.revision();
            events++;
            String key = key(e.object());
            switch (e.type()) {
                case ADDED -> assertThat(cache.put(key, e.object())).as(name + " ADDED " + key).isNull();
                case MODIFIED -> assertThat(cache.put(key, e.object())).as(name + " MODIFIED " + key).isNotNull();
                case DELETED -> assertThat(cache.remove(key)).as(name + " DELETED " + key).isNotNull();
                default -> throw new AssertionError(e);
            }
            if (slow) {
                Thread.yield();
            }
        }
    }
}
