package io.flotilla.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.Namespace;
import io.flotilla.api.core.Node;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.apiserver.DeleteOptions;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.events.EventSink;
import io.flotilla.core.store.InMemoryObjectStore;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.store.Watch;
import io.flotilla.core.store.WatchEvent;
import io.flotilla.core.store.WatchOptions;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientTest {
    private final InMemoryObjectStore store = InMemoryObjectStore.create();
    private final VirtualClock clock = VirtualClock.create();
    private final ApiServer api = ApiServer.builder().store(store).clock(clock).backgroundControllers(false).build();
    private final Client client = Client.over(api);

    @BeforeEach
    void namespaces() {
        client.namespaces().create(Namespace.named("shop").build());
        client.namespaces().create(Namespace.named("other").build());
    }

    @AfterEach
    void tearDown() {
        api.close();
        store.close();
    }

    private static ConfigMap cm(String name, String app) {
        return ConfigMap.named(name).label("app", app).data("k", "v").build();
    }

    @Test
    void aNamespacedClientCreatesReadsAndListsInItsNamespace() {
        ResourceClient<ConfigMap> shop = client.configMaps().inNamespace("shop");
        ConfigMap created = shop.create(cm("site", "web"));
        client.configMaps().inNamespace("other").create(cm("site", "db"));

        assertThat(created.metadata().namespace()).isEqualTo("shop");
        assertThat(created.metadata().uid()).isNotBlank();
        assertThat(shop.get("site")).contains(created);
        assertThat(shop.get("missing")).isEmpty();
        assertThat(shop.list()).containsExactly(created);
        assertThat(client.configMaps().list()).hasSize(2);
        assertThat(client.configMaps().list(LabelSelector.matchLabel("app", "db")))
                .extracting(c -> c.metadata().namespace()).containsExactly("other");
    }

    @Test
    void anUnboundClientUsesTheDefaultNamespaceForSingleObjects() {
        ConfigMap created = client.configMaps().create(cm("site", "web"));
        assertThat(created.metadata().namespace()).isEqualTo("default");
        assertThat(client.configMaps().get("site")).contains(created);
    }

    @Test
    void refusesAnObjectFromAnotherNamespaceAndNamespacesOnClusterScopedKinds() {
        ConfigMap elsewhere = ConfigMap.named("x").namespace("other").build();
        assertThatThrownBy(() -> client.configMaps().inNamespace("shop").create(elsewhere))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> client.nodes().inNamespace("shop"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cluster-scoped");
        Node node = client.nodes().create(Node.named("n1").build());
        assertThat(client.nodes().get("n1")).contains(node);
    }

    @Test
    void updatesWithRetryOnConflictAndDeletes() {
        ResourceClient<ConfigMap> shop = client.configMaps().inNamespace("shop");
        ConfigMap created = shop.create(cm("site", "web"));
        ConfigMap changed = shop.update("site", c -> c.withMetadata(c.metadata().withLabel("tier", "front")));
        assertThat(changed.metadata().labels()).containsEntry("tier", "front");

        assertThatThrownBy(() -> shop.update(created.withMetadata(created.metadata().withLabel("x", "y"))))
                .isInstanceOf(StoreException.Conflict.class);

        shop.delete("site", DeleteOptions.background());
        assertThat(shop.get("site")).isEmpty();
        assertThatThrownBy(() -> shop.delete("site")).isInstanceOf(StoreException.NotFound.class);
    }

    @Test
    void appliesAndWatches() throws Exception {
        ResourceClient<ConfigMap> shop = client.configMaps().inNamespace("shop");
        try (Watch<ConfigMap> watch = shop.watch(WatchOptions.fromNow())) {
            ConfigMap applied = shop.apply(cm("site", "web"));
            client.configMaps().inNamespace("other").apply(cm("site", "web"));
            ConfigMap again = shop.apply(ConfigMap.named("site").label("app", "web").data("k", "v2").build());
            assertThat(again.data()).containsEntry("k", "v2");

            WatchEvent<ConfigMap> first = watch.poll(Duration.ofSeconds(10));
            WatchEvent<ConfigMap> second = watch.poll(Duration.ofSeconds(10));
            assertThat(first.type()).isEqualTo(WatchEvent.Type.ADDED);
            assertThat(first.object().metadata().uid()).isEqualTo(applied.metadata().uid());
            assertThat(second.type()).isEqualTo(WatchEvent.Type.MODIFIED);
            assertThat(second.object().metadata().namespace()).isEqualTo("shop");
        }
    }

    @Test
    void theEventRecorderWritesThroughTheApiServer() throws Exception {
        ConfigMap site = client.configMaps().inNamespace("shop").create(cm("site", "web"));
        try (EventRecorder recorder = EventRecorder.builder(EventSink.of(client), "test").clock(clock).build()) {
            recorder.normal(site, "Synced", "synced");
            recorder.normal(site, "Synced", "synced");
            assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(client.events().inNamespace("shop").list()).singleElement().satisfies(e -> {
            assertThat(e.count()).isEqualTo(2);
            assertThat(e.involvedObject().uid()).isEqualTo(site.metadata().uid());
            assertThat(e.eventType()).isEqualTo(Event.NORMAL);
        });
    }
}
