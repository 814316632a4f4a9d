package io.flotilla.core.client.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.core.store.InMemoryObjectStore;
import io.flotilla.core.store.Preconditions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IndexersTest {
    private final InMemoryObjectStore store = InMemoryObjectStore.create();
    private final SharedInformerFactory factory = SharedInformerFactory.builder(store).build();

    @AfterEach
    void tearDown() {
        factory.close();
        store.close();
    }

    private static Pod pod(String ns, String name, String node, String app) {
        return Pod.named(name).namespace(ns).label("app", app).nodeName(node)
                .container("c", c -> c.image("nginx:1.27")).build();
    }

    private static long rv(Pod pod) {
        return Long.parseLong(pod.metadata().resourceVersion());
    }

    private static List<String> names(List<Pod> pods) {
        return pods.stream().map(p -> p.metadata().name()).toList();
    }

    @Test
    void listsByIndexAreSortedByNamespaceThenNameAndSeeTheLatestVersion() throws Exception {
        SharedInformer<Pod> informer = factory.informerFor(Pod.TYPE);
        RecordingHandler<Pod> handler = new RecordingHandler<>();
        informer.addEventHandler(handler);
        factory.start();
        informer.synced().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Lister<Pod> pods = informer.lister();

        // '-' and '.' sort before '/', so ordering "namespace/name" keys as plain strings would put a-b/x first
        store.create(pod("a-b", "x", "n1", "web"));
        store.create(pod("a", "z", "n1", "web"));
        store.create(pod("a", "y-1", "n1", "web"));
        store.create(pod("a.b", "w", "n1", "web"));
        Pod last = store.create(pod("a", "y", "n1", "web"));
        handler.awaitRevision(rv(last));
        List<String> expected = List.of("a/y", "a/y-1", "a/z", "a-b/x", "a.b/w");
        assertThat(keys(pods.byIndex(Indexers.NODE, "n1"))).containsExactlyElementsOf(expected);
        assertThat(keys(pods.byIndex(Indexers.LABEL, Indexers.labelValue("app", "web"))))
                .containsExactlyElementsOf(expected);
        assertThat(keys(pods.list())).containsExactlyElementsOf(expected);
        assertThat(names(pods.list("a"))).containsExactly("y", "y-1", "z");

        Pod relabelled = store.update(Pod.TYPE, "a", "z", p -> p.withMetadata(p.metadata().withLabel("tier", "1")));
        handler.awaitRevision(rv(relabelled));
        assertThat(pods.byIndex(Indexers.NODE, "n1")).filteredOn(p -> p.metadata().name().equals("z"))
                .singleElement().isEqualTo(relabelled);
    }

    private static List<String> keys(List<Pod> pods) {
        return pods.stream().map(p -> p.metadata().namespace() + "/" + p.metadata().name()).toList();
    }

    @Test
    void indexesFollowUpdatesThatChangeTheIndexedValueAndDeletes() throws Exception {
        SharedInformer<Pod> informer = factory.informerFor(Pod.TYPE);
        RecordingHandler<Pod> handler = new RecordingHandler<>();
        informer.addEventHandler(handler);
        factory.start();
        informer.synced().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Lister<Pod> pods = informer.lister();

        store.create(pod("shop", "web-0", "n1", "web"));
        store.create(pod("shop", "web-1", "n1", "web"));
        Pod db = store.create(pod("data", "db-0", "n2", "db"));
        handler.awaitRevision(rv(db));
        assertThat(names(pods.byIndex(Indexers.NODE, "n1"))).containsExactly("web-0", "web-1");
        assertThat(names(pods.byIndex(Indexers.NAMESPACE, "data"))).containsExactly("db-0");
        assertThat(names(pods.byIndex(Indexers.LABEL, Indexers.labelValue("app", "web"))))
                .containsExactly("web-0", "web-1");

        Pod moved = store.update(Pod.TYPE, "shop", "web-1", p -> p.withSpec(p.spec().withNodeName("n2"))
                .withMetadata(p.metadata().withLabel("app", "api")));
        Pod gone = store.delete(Pod.TYPE, "shop", "web-0", Preconditions.NONE);
        handler.awaitRevision(Math.max(rv(moved), rv(gone)));

        assertThat(pods.byIndex(Indexers.NODE, "n1")).isEmpty();
        assertThat(names(pods.byIndex(Indexers.NODE, "n2"))).containsExactly("db-0", "web-1");
        assertThat(pods.byIndex(Indexers.LABEL, Indexers.labelValue("app", "web"))).isEmpty();
        assertThat(names(pods.byIndex(Indexers.LABEL, Indexers.labelValue("app", "api")))).containsExactly("web-1");
        assertThat(pods.indexValues(Indexers.NODE)).containsExactly("n2");
        assertThat(names(pods.list("shop"))).containsExactly("web-1");
        assertThat(names(pods.list(LabelSelector.matchLabel("app", "db")))).containsExactly("db-0");
    }

    @Test
    void indexesByControllerOwnerUidAndUserDefinedFunctions() throws Exception {
        SharedInformer<ConfigMap> informer = factory.informerFor(ConfigMap.TYPE);
        informer.addIndexer("first-key", cm -> cm.data().keySet().stream().sorted().limit(1).toList());
        RecordingHandler<ConfigMap> handler = new RecordingHandler<>();
        informer.addEventHandler(handler);
        factory.start();
        OwnerReference owner = new OwnerReference("apps/v1", "Deployment", "web", "uid-1", true, true);
        OwnerReference notController = new OwnerReference("apps/v1", "Deployment", "api", "uid-2", false, false);
        store.create(ConfigMap.named("owned").namespace("shop").ownerReference(owner).data("a", "1").build());
        ConfigMap last = store.create(ConfigMap.named("free").namespace("shop").ownerReference(notController)
                .data("b", "1").build());
        handler.awaitRevision(Long.parseLong(last.metadata().resourceVersion()));

        Lister<ConfigMap> lister = informer.lister();
        assertThat(lister.byIndex(Indexers.OWNER, "uid-1")).extracting(c -> c.metadata().name())
                .containsExactly("owned");
        assertThat(lister.byIndex(Indexers.OWNER, "uid-2")).isEmpty();
        assertThat(lister.byIndex("first-key", "b")).extracting(c -> c.metadata().name()).containsExactly("free");
        assertThatThrownBy(() -> lister.byIndex("nope", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void theNodeIndexIsRegisteredForPodsOnly() {
        assertThat(Indexers.defaults().forType(Pod.TYPE)).containsKeys(Indexers.NAMESPACE, Indexers.LABEL,
                Indexers.OWNER, Indexers.NODE);
        assertThat(Indexers.defaults().forType(ConfigMap.TYPE)).containsOnlyKeys(Indexers.NAMESPACE, Indexers.LABEL,
                Indexers.OWNER);
        assertThat(Indexers.none().with(ConfigMap.TYPE, "x", c -> List.of("1")).forType(ConfigMap.TYPE))
                .containsOnlyKeys("x");
        assertThatThrownBy(() -> Indexers.defaults().withAll(Indexers.LABEL, Indexers::labels))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aThrowingIndexFunctionLeavesTheObjectOutOfThatIndexOnly() {
        IndexedCache<ConfigMap> cache = new IndexedCache<>();
        cache.addIndexer("boom", cm -> {
            throw new IllegalStateException("boom");
        });
        cache.addIndexer(Indexers.NAMESPACE, Indexers::namespace);
        ConfigMap cm = ConfigMap.named("a").namespace("shop").build();
        cache.put(cm.withMetadata(cm.metadata().withResourceVersion("1")));
        assertThat(cache.byIndex("boom", "x")).isEmpty();
        assertThat(cache.byIndex(Indexers.NAMESPACE, "shop")).hasSize(1);
    }
}
