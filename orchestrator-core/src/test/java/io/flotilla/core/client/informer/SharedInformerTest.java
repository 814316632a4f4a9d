package io.flotilla.core.client.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Secret;
import io.flotilla.core.controller.EventSource;
import io.flotilla.core.store.InMemoryObjectStore;
import io.flotilla.core.store.ListOptions;
import io.flotilla.core.store.Preconditions;
import io.flotilla.core.time.VirtualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedInformerTest {
    private final VirtualClock clock = VirtualClock.create();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private InMemoryObjectStore store = InMemoryObjectStore.create();
    private SharedInformerFactory factory;

    @AfterEach
    void tearDown() {
        if (factory != null) {
            factory.close();
        }
        store.close();
    }

    private SharedInformerFactory factory(io.flotilla.core.store.ObjectStore over) {
        factory = SharedInformerFactory.builder(over).clock(clock).meterRegistry(registry).build();
        return factory;
    }

    private static ConfigMap cm(String ns, String name, String value) {
        return ConfigMap.named(name).namespace(ns).data("k", value).build();
    }

    private ConfigMap put(String ns, String name, String value) {
        return store.get(ConfigMap.TYPE, ns, name)
                .map(old -> store.update(ConfigMap.TYPE, ns, name, c -> cm(ns, name, value).withMetadata(c.metadata())))
                .orElseGet(() -> store.create(cm(ns, name, value)));
    }

    private static String rv(ConfigMap cm) {
        return cm.metadata().resourceVersion();
    }

    private static void awaitSynced(SharedInformer<?> informer) throws Exception {
        informer.synced().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void deliversTheInitialListThenWatchEventsInOrder() throws Exception {
        ConfigMap a = put("shop", "a", "1");
        ConfigMap b = put("shop", "b", "1");
        SharedInformer<ConfigMap> informer = factory(store).informerFor(ConfigMap.TYPE);
        RecordingHandler<ConfigMap> handler = new RecordingHandler<>();
        informer.addEventHandler(handler);
        factory.start();
        awaitSynced(informer);
        assertThat(handler.events()).containsExactly("add shop/a@" + rv(a), "add shop/b@" + rv(b));
        assertThat(informer.hasSynced()).isTrue();

        ConfigMap c = put("shop", "c", "1");
        ConfigMap a2 = put("shop", "a", "2");
        ConfigMap b3 = store.delete(ConfigMap.TYPE, "shop", "b", Preconditions.NONE);

        assertThat(handler.awaitRevision(Long.parseLong(rv(b3)))).containsExactly(
                "add shop/a@" + rv(a), "add shop/b@" + rv(b),
                "add shop/c@" + rv(c), "update shop/a@" + rv(a) + "->" + rv(a2), "delete shop/b");
        assertThat(informer.lister().list()).containsExactly(a2, c);
        assertThat(informer.lister().get("shop", "a")).contains(a2);
        assertThat(informer.lister().get("shop", "b")).isEmpty();
        assertThat(registry.get("flotilla.informer.cache.size").tag("kind", "ConfigMap").gauge().value())
                .isEqualTo(2.0);
    }

    @Test
    void aHandlerAddedAfterSyncGetsTheCacheReplayedAsAddsThenLiveEvents() throws Exception {
        ConfigMap a = put("shop", "a", "1");
        SharedInformer<ConfigMap> informer = factory(store).informerFor(ConfigMap.TYPE);
        RecordingHandler<ConfigMap> first = new RecordingHandler<>();
        informer.addEventHandler(first);
        factory.start();
        awaitSynced(informer);
        ConfigMap b = put("shop", "b", "1");
        first.awaitRevision(Long.parseLong(rv(b)));

        RecordingHandler<ConfigMap> late = new RecordingHandler<>();
        informer.addEventHandler(late);
        assertThat(late.awaitCount(2)).containsExactlyInAnyOrder("add shop/a@" + rv(a), "add shop/b@" + rv(b));
        ConfigMap a2 = put("shop", "a", "2");
        assertThat(late.awaitRevision(Long.parseLong(rv(a2))))
                .endsWith("update shop/a@" + rv(a) + "->" + rv(a2)).hasSize(3);
    }

    @Test
    void aRemovedHandlerGetsNothingMore() throws Exception {
        SharedInformer<ConfigMap> informer = factory(store).informerFor(ConfigMap.TYPE);
        RecordingHandler<ConfigMap> removed = new RecordingHandler<>();
        RecordingHandler<ConfigMap> kept = new RecordingHandler<>();
        EventSource.Registration registration = informer.addEventHandler(removed);
        informer.addEventHandler(kept);
        factory.start();
        awaitSynced(informer);
        registration.remove();
        ConfigMap a = put("shop", "a", "1");
        kept.awaitRevision(Long.parseLong(rv(a)));
        assertThat(removed.events()).isEmpty();
    }

    @Test
    void relistsAfterTheWatchExpiresAndDeliversExactlyTheDifference() throws Exception {
        store = InMemoryObjectStore.builder().historySize(4).build();
        GatedStore gated = new GatedStore(store);
        ConfigMap a = put("shop", "a", "1");
        put("shop", "b", "1");
        store.create(ConfigMap.named("c").namespace("shop").metadata(m -> m.uid("c-1")).build());
        SharedInformer<ConfigMap> informer = factory(gated).informerFor(ConfigMap.TYPE);
        RecordingHandler<ConfigMap> handler = new RecordingHandler<>();
        informer.addEventHandler(handler);
        factory.start();
        awaitSynced(informer);

        ConfigMap probe = put("other", "probe", "1");
        handler.awaitRevision(Long.parseLong(rv(probe)));   // the watch is established
        gated.holdAfter(Long.parseLong(rv(probe)));
        // Behind the gate: more changes than the store's history holds.
        ConfigMap a2 = put("shop", "a", "2");
        store.delete(ConfigMap.TYPE, "shop", "b", Preconditions.NONE);
        ConfigMap d = put("shop", "d", "1");
        put("shop", "e", "1");
        store.delete(ConfigMap.TYPE, "shop", "e", Preconditions.NONE);
        store.delete(ConfigMap.TYPE, "shop", "c", Preconditions.NONE);
        ConfigMap c = store.create(ConfigMap.named("c").namespace("shop").metadata(m -> m.uid("c-2")).build());
        for (int i = 0; i < 8; i++) {
            store.create(Secret.named("s" + i).namespace("shop").build());
        }
        ConfigMap marker = put("other", "marker", "1");
        gated.release();

        List<String> events = handler.awaitCount(10);
        assertThat(events.subList(4, events.size())).as("all events: %s", events).containsExactlyInAnyOrder(
                "update shop/a@" + rv(a) + "->" + rv(a2), "delete shop/b", "add shop/d@" + rv(d),
                "delete shop/c", "add shop/c@" + rv(c), "add other/marker@" + rv(marker));
        assertThat(events.indexOf("delete shop/c")).isLessThan(events.indexOf("add shop/c@" + rv(c)));
        assertThat(informer.lister().list()).containsExactlyElementsOf(
                store.list(ConfigMap.TYPE, ListOptions.all()).items());
        assertThat(informer.lister().list()).contains(a2, c, d);
        assertThat(gated.lists.get()).isEqualTo(2);
        assertThat(registry.get("flotilla.informer.relists").tag("kind", "ConfigMap").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void resumesFromTheLastRevisionWhenTheWatchIsClosedWithoutRelisting() throws Exception {
        GatedStore gated = new GatedStore(store);
        ConfigMap a = put("shop", "a", "1");
        SharedInformer<ConfigMap> informer = factory(gated).informerFor(ConfigMap.TYPE);
        RecordingHandler<ConfigMap> handler = new RecordingHandler<>();
        informer.addEventHandler(handler);
        factory.start();
        awaitSynced(informer);
        ConfigMap b = put("shop", "b", "1");
        handler.awaitRevision(Long.parseLong(rv(b)));

        gated.lastWatch().close();
        ConfigMap c = put("shop", "c", "1");
        assertThat(handler.awaitRevision(Long.parseLong(rv(c)))).containsExactly(
                "add shop/a@" + rv(a), "add shop/b@" + rv(b), "add shop/c@" + rv(c));
        assertThat(gated.lists.get()).isEqualTo(1);
        assertThat(gated.watches.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void periodicResyncRedeliversEveryObjectOnTheClock() throws Exception {
        factory = SharedInformerFactory.builder(store).clock(clock).resyncPeriod(Duration.ofMinutes(1)).build();
        ConfigMap a = put("shop", "a", "1");
        SharedInformer<ConfigMap> informer = factory.informerFor(ConfigMap.TYPE);
        RecordingHandler<ConfigMap> handler = new RecordingHandler<>();
        informer.addEventHandler(handler);
        factory.start();
        awaitSynced(informer);
        clock.advance(Duration.ofSeconds(59));
        assertThat(handler.events()).containsExactly("add shop/a@" + rv(a));
        clock.advance(Duration.ofSeconds(1));
        assertThat(handler.awaitCount(2)).containsExactly("add shop/a@" + rv(a),
                "update shop/a@" + rv(a) + "->" + rv(a));
    }

    @Test
    void closingBeforeSyncFailsTheSyncedFuture() {
        SharedInformer<ConfigMap> informer = factory(store).informerFor(ConfigMap.TYPE);
        informer.addEventHandler(new RecordingHandler<>());
        informer.close();
        assertThat(informer.synced().toCompletableFuture()).isCompletedExceptionally();
        assertThat(informer.hasSynced()).isFalse();
    }
}
