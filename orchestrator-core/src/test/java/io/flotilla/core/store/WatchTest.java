package io.flotilla.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.core.store.WatchEvent.Type;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemoryObjectStore store = InMemoryObjectStore.builder().historySize(32)
            .meterRegistry(registry).build();

    @AfterEach
    void close() {
        store.close();
    }

    private static ConfigMap cm(String name, String app) {
        return ConfigMap.named(name).namespace("default").label("app", app).build();
    }

    private static List<String> drain(Watch<ConfigMap> watch, int count) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WatchEvent<ConfigMap> e = watch.poll(WAIT);
            assertThat(e).as("event %d of %d", i + 1, count).isNotNull();
            out.add(describe(e));
        }
        return out;
    }

    private static String describe(WatchEvent<ConfigMap> e) {
        return switch (e.type()) {
            case BOOKMARK -> "BOOKMARK@" + e.revision();
            case ERROR -> "ERROR@" + e.revision() + " " + e.error().getClass().getSimpleName();
            default -> e.type() + " " + e.object().metadata().name() + " app=" + e.object().metadata().labels()
                    .get("app") + "@" + e.revision() + "/" + e.object().metadata().resourceVersion();
        };
    }

    @Test
    void deliversAddedModifiedDeletedInRevisionOrder() throws Exception {
        try (Watch<ConfigMap> watch = store.watch(ConfigMap.TYPE, WatchOptions.fromNow())) {
            ConfigMap a = store.create(cm("a", "web"));
            store.update(a.toBuilder().label("app", "api").build());
            store.delete(ConfigMap.TYPE, "default", "a", Preconditions.NONE);

            assertThat(drain(watch, 3)).containsExactly(
                    "ADDED a app=web@1/1", "MODIFIED a app=api@2/2", "DELETED a app=api@3/3");
            assertThat(watch.revision()).isEqualTo(3);
            assertThat(watch.poll(Duration.ZERO)).isNull();
        }
    }

    @Test
    void resumesFromAnyRevisionInTheHistory() throws Exception {
        ConfigMap a = store.create(cm("a", "web"));
        store.create(cm("b", "web"));
        store.update(a.toBuilder().label("app", "x").build());

        try (Watch<ConfigMap> watch = store.watch(ConfigMap.TYPE, WatchOptions.fromRevision(1))) {
            assertThat(drain(watch, 2)).containsExactly("ADDED b app=web@2/2", "MODIFIED a app=x@3/3");
        }
    }

    @Test
    void aRevisionOlderThanTheHistoryIsGone() {
        ConfigMap a = store.create(cm("a", "web"));
        for (int i = 0; i < 40; i++) {
            a = store.update(a.toBuilder().label("n", Integer.toString(i)).build());
        }

        assertThatThrownBy(() -> store.watch(ConfigMap.TYPE, WatchOptions.fromRevision(2)))
                .isInstanceOf(StoreException.Gone.class).hasMessageStartingWith("too old resource version: 2 (");
        store.watch(ConfigMap.TYPE, WatchOptions.fromRevision(store.revision() - 20)).close();
    }

    @Test
    void aRevisionNewerThanTheStoreIsTooLarge() {
        store.create(cm("a", "web"));

        assertThatThrownBy(() -> store.watch(ConfigMap.TYPE, WatchOptions.fromRevision(2)))
                .isInstanceOf(StoreException.TooLargeResourceVersion.class)
                .hasMessage("Too large resource version: 2, current: 1");
    }

    @Test
    void objectsMovingInAndOutOfTheSelectorAreAddedAndDeleted() throws Exception {
        WatchOptions web = WatchOptions.fromNow().withLabelSelector(LabelSelector.of(Map.of("app", "web")));
        try (Watch<ConfigMap> watch = store.watch(ConfigMap.TYPE, web)) {
            ConfigMap a = store.create(cm("a", "db"));                          // 1: not selected
            a = store.update(a.toBuilder().label("app", "web").build());        // 2: starts matching
            a = store.update(a.toBuilder().label("tier", "1").build());         // 3: still matching
            a = store.update(a.toBuilder().label("app", "db").build());         // 4: stops matching
            store.delete(ConfigMap.TYPE, "default", "a", Preconditions.NONE);   // 5: not selected

            assertThat(drain(watch, 3)).containsExactly(
                    "ADDED a app=web@2/2", "MODIFIED a app=web@3/3", "DELETED a app=web@4/4");
            store.create(cm("b", "web"));
            assertThat(drain(watch, 1)).containsExactly("ADDED b app=web@6/6");
        }
    }

    @Test
    void fieldSelectorsAndNamespacesFilterWatches() throws Exception {
        WatchOptions options = WatchOptions.fromNow().withNamespace("default")
                .withFieldSelector(FieldSelector.parse("metadata.name=b"));
        try (Watch<ConfigMap> watch = store.watch(ConfigMap.TYPE, options)) {
            store.create(cm("a", "web"));
            store.create(ConfigMap.named("b").namespace("other").build());
            store.create(cm("b", "web"));

            assertThat(drain(watch, 1)).containsExactly("ADDED b app=web@3/3");
        }
    }

    @Test
    void requestedBookmarkCarriesTheCurrentRevision() throws Exception {
        WatchOptions web = WatchOptions.fromNow().withLabelSelector(LabelSelector.of(Map.of("app", "web")));
        try (Watch<ConfigMap> watch = store.watch(ConfigMap.TYPE, web)) {
            store.create(cm("a", "db"));
            store.create(cm("b", "db"));
            watch.requestBookmark();

            assertThat(drain(watch, 1)).containsExactly("BOOKMARK@2");
            assertThat(watch.revision()).isEqualTo(2);
        }
    }

    @Test
    void periodicBookmarksLetAFilteredWatcherAdvance() throws Exception {
        WatchOptions web = WatchOptions.fromNow().withLabelSelector(LabelSelector.of(Map.of("app", "web")))
                .withBookmarks(true, 3);
        try (Watch<ConfigMap> watch = store.watch(ConfigMap.TYPE, web)) {
            for (int i = 0; i < 7; i++) {
                store.create(cm("c" + i, "db"));
            }
            assertThat(drain(watch, 2)).containsExactly("BOOKMARK@3", "BOOKMARK@6");
            assertThat(watch.poll(Duration.ZERO)).isNull();
        }
    }

    @Test
    void initialEventsListTheStateThenFollowChanges() throws Exception {
        store.create(cm("a", "web"));
        store.create(cm("b", "db"));
        WatchOptions options = WatchOptions.fromNow().withInitialEvents(true)
                .withLabelSelector(LabelSelector.of(Map.of("app", "web")));
        try (Watch<ConfigMap> watch = store.watch(ConfigMap.TYPE, options)) {
            store.create(cm("c", "web"));
            assertThat(drain(watch, 3)).containsExactly("ADDED a app=web@1/1", "BOOKMARK@2", "ADDED c app=web@3/3");
        }
    }

    @Test
    void aWatcherTooFarBehindIsCutOffWithGone() throws Exception {
        Watch<ConfigMap> watch = store.watch(ConfigMap.TYPE, WatchOptions.fromNow().withMaxBacklog(5));
        for (int i = 0; i < 6; i++) {
            store.create(cm("c" + i, "web"));
        }
        assertThat(watch.backlog()).isEqualTo(6);
        assertThat(registry.get("flotilla.store.watch.queue.depth").gauge().value()).isEqualTo(6);

        assertThat(drain(watch, 1)).containsExactly("ERROR@0 Gone");
        assertThat(watch.isClosed()).isTrue();
        assertThat(watch.poll(WAIT)).isNull();
        assertThat(registry.get("flotilla.store.watch.cutoffs").counter().count()).isEqualTo(1);
        assertThat(registry.get("flotilla.store.watchers").gauge().value()).isZero();
    }

    @Test
    void aWatcherLappedByTheHistoryIsCutOffWithGone() throws Exception {
        Watch<ConfigMap> watch = store.watch(ConfigMap.TYPE, WatchOptions.fromNow());
        for (int i = 0; i < store.historySize() + 1; i++) {
            store.create(cm("c" + i, "web"));
        }
        WatchEvent<ConfigMap> e = watch.poll(WAIT);

        assertThat(e.type()).isEqualTo(Type.ERROR);
        assertThat(e.error()).isInstanceOf(StoreException.Gone.class);
    }

    @Test
    void closeWakesABlockedPollerAndReleasesTheWatch() throws Exception {
        Watch<ConfigMap> watch = store.watch(ConfigMap.TYPE, WatchOptions.fromNow());
        assertThat(registry.get("flotilla.store.watchers").gauge().value()).isEqualTo(1);
        CountDownLatch polling = new CountDownLatch(1);
        CompletableFuture<WatchEvent<ConfigMap>> result = CompletableFuture.supplyAsync(() -> {
            polling.countDown();
            try {
                return watch.next();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(polling.await(10, TimeUnit.SECONDS)).isTrue();

        watch.close();

        assertThat(result.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(registry.get("flotilla.store.watchers").gauge().value()).isZero();
    }

    @Test
    void aBlockedPollerWakesOnAWrite() throws Exception {
        try (Watch<ConfigMap> watch = store.watch(ConfigMap.TYPE, WatchOptions.fromNow())) {
            CompletableFuture<WatchEvent<ConfigMap>> result = CompletableFuture.supplyAsync(() -> {
                try {
                    return watch.next();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            store.create(cm("a", "web"));

            assertThat(describe(result.get(10, TimeUnit.SECONDS))).isEqualTo("ADDED a app=web@1/1");
        }
    }

    @Test
    void listenersGetEventsOffTheWriterThreadAndASlowOneNeverBlocksWriters() throws Exception {
        LinkedBlockingQueue<WatchEvent<ConfigMap>> fast = new LinkedBlockingQueue<>();
        CountDownLatch release = new CountDownLatch(1);
        LinkedBlockingQueue<WatchEvent<ConfigMap>> slow = new LinkedBlockingQueue<>();
        Thread writer = Thread.currentThread();
        List<Thread> deliveryThreads = new ArrayList<>();
        Watch<ConfigMap> fastWatch = store.watch(ConfigMap.TYPE, WatchOptions.fromNow(), e -> {
            deliveryThreads.add(Thread.currentThread());
            fast.add(e);
        });
        Watch<ConfigMap> slowWatch = store.watch(ConfigMap.TYPE, WatchOptions.fromNow().withMaxBacklog(10), e -> {
            try {
                release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            slow.add(e);
        });

        for (int i = 0; i < 25; i++) {
            store.create(cm("c" + i, "web"));
        }
        for (int i = 0; i < 25; i++) {
            WatchEvent<ConfigMap> e = fast.poll(10, TimeUnit.SECONDS);
            assertThat(e).isNotNull();
            assertThat(e.revision()).isEqualTo(i + 1);
        }
        assertThat(deliveryThreads).doesNotContain(writer);
        release.countDown();

        WatchEvent<ConfigMap> last;
        do {
            last = slow.poll(10, TimeUnit.SECONDS);
            assertThat(last).isNotNull();
        } while (last.type() != Type.ERROR);
        assertThat(last.error()).isInstanceOf(StoreException.Gone.class);
        assertThat(slowWatch.isClosed()).isTrue();
        fastWatch.close();
    }

    @Test
    void closingTheStoreClosesEveryWatch() {
        Watch<ConfigMap> watch = store.watch(ConfigMap.TYPE, WatchOptions.fromNow());
        store.close();
        assertThat(watch.isClosed()).isTrue();
    }
}
