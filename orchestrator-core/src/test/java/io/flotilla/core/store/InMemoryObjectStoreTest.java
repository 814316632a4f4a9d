package io.flotilla.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.meta.LabelSelector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryObjectStoreTest {
    private final InMemoryObjectStore store = InMemoryObjectStore.builder()
            .historySize(16)
            .field(ConfigMap.TYPE, "data.tier", cm -> cm.data().get("tier"))
            .build();

    @AfterEach
    void close() {
        store.close();
    }

    static ConfigMap cm(String namespace, String name) {
        return ConfigMap.named(name).namespace(namespace).data("v", "0").build();
    }

    @Test
    void createStampsTheNextRevisionAndGetReturnsTheStoredRecord() {
        ConfigMap a = store.create(cm("default", "a"));
        ConfigMap b = store.create(cm("default", "b"));

        assertThat(a.metadata().resourceVersion()).isEqualTo("1");
        assertThat(b.metadata().resourceVersion()).isEqualTo("2");
        assertThat(store.revision()).isEqualTo(2);
        assertThat(store.get(ConfigMap.TYPE, "default", "a")).containsSame(a);
        assertThat(store.get(ConfigMap.TYPE, "other", "a")).isEmpty();
    }

    @Test
    void createOfAnExistingObjectFailsWithAlreadyExistsAndChangesNothing() {
        ConfigMap a = store.create(cm("default", "web-0"));

        assertThatThrownBy(() -> store.create(cm("default", "web-0")))
                .isInstanceOf(StoreException.AlreadyExists.class)
                .hasMessage("configmaps \"web-0\" already exists");
        assertThat(store.revision()).isEqualTo(1);
        assertThat(store.get(ConfigMap.TYPE, "default", "web-0")).containsSame(a);
    }

    @Test
    void updateWithAStaleResourceVersionConflicts() {
        ConfigMap v1 = store.create(cm("default", "web-0"));
        ConfigMap v2 = store.update(v1.toBuilder().data("v", "1").build());

        assertThat(v2.metadata().resourceVersion()).isEqualTo("2");
        assertThatThrownBy(() -> store.update(v1.toBuilder().data("v", "2").build()))
                .isInstanceOf(StoreException.Conflict.class)
                .hasMessage("Operation cannot be fulfilled on configmaps \"web-0\": the object has been modified;"
                        + " please apply your changes to the latest version and try again");
        assertThat(store.get(ConfigMap.TYPE, "default", "web-0")).containsSame(v2);
        assertThat(store.revision()).isEqualTo(2);
    }

    @Test
    void updateWithoutResourceVersionIsUnconditional() {
        store.create(cm("default", "a"));
        store.update(store.get(ConfigMap.TYPE, "default", "a").orElseThrow().toBuilder().data("v", "1").build());

        ConfigMap blind = store.update(cm("default", "a").toBuilder().data("v", "9").build());

        assertThat(blind.data()).containsEntry("v", "9");
        assertThat(blind.metadata().resourceVersion()).isEqualTo("3");
    }

    @Test
    void updateThatChangesNothingWritesNothing() {
        ConfigMap v1 = store.create(cm("default", "a"));

        assertThat(store.update(v1)).isSameAs(v1);
        assertThat(store.update(ConfigMap.TYPE, "default", "a", cm -> cm.toBuilder().build())).isSameAs(v1);
        assertThat(store.update(cm("default", "a"))).isSameAs(v1);
        assertThat(store.revision()).isEqualTo(1);
    }

    @Test
    void updateOfAnAbsentObjectIsNotFound() {
        assertThatThrownBy(() -> store.update(cm("default", "web-0")))
                .isInstanceOf(StoreException.NotFound.class)
                .hasMessage("configmaps \"web-0\" not found");
        assertThatThrownBy(() -> store.update(ConfigMap.TYPE, "default", "web-0", cm -> cm))
                .isInstanceOf(StoreException.NotFound.class);
        assertThat(store.revision()).isZero();
    }

    @Test
    void updateWithAnotherUidConflicts() {
        ConfigMap v1 = store.create(cm("default", "a").withMetadata(cm("default", "a").metadata().toBuilder()
                .uid("u-1").build()));

        assertThatThrownBy(() -> store.update(v1.withMetadata(v1.metadata().toBuilder().uid("u-2").build())))
                .isInstanceOf(StoreException.Conflict.class)
                .hasMessageContaining("Precondition failed: UID in precondition: u-2, UID in object meta: u-1");
    }

    @Test
    void guardedUpdateAppliesTheChangeToTheLatestState() {
        store.create(cm("default", "a"));
        store.update(ConfigMap.TYPE, "default", "a", cm -> cm.toBuilder().data("v", "5").build());

        ConfigMap result = store.update(ConfigMap.TYPE, "default", "a",
                cm -> cm.toBuilder().data("v", cm.data().get("v") + "!").build());

        assertThat(result.data()).containsEntry("v", "5!");
        assertThatThrownBy(() -> store.update(ConfigMap.TYPE, "default", "a", cm -> cm(("default"), "b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleteReturnsTheLastStateStampedWithTheDeletionRevision() {
        ConfigMap v1 = store.create(cm("default", "a"));

        ConfigMap deleted = store.delete(ConfigMap.TYPE, "default", "a", Preconditions.NONE);

        assertThat(deleted.metadata().resourceVersion()).isEqualTo("2");
        assertThat(deleted.data()).isEqualTo(v1.data());
        assertThat(store.get(ConfigMap.TYPE, "default", "a")).isEmpty();
        assertThatThrownBy(() -> store.delete(ConfigMap.TYPE, "default", "a", Preconditions.NONE))
                .isInstanceOf(StoreException.NotFound.class).hasMessage("configmaps \"a\" not found");
    }

    @Test
    void deletePreconditionsMustHold() {
        ConfigMap v1 = store.create(cm("default", "a").withMetadata(cm("default", "a").metadata().toBuilder()
                .uid("u-1").build()));

        assertThatThrownBy(() -> store.delete(ConfigMap.TYPE, "default", "a", Preconditions.uid("u-2")))
                .isInstanceOf(StoreException.Conflict.class)
                .hasMessage("Operation cannot be fulfilled on configmaps \"a\": Precondition failed: UID in"
                        + " precondition: u-2, UID in object meta: u-1");
        assertThatThrownBy(() -> store.delete(ConfigMap.TYPE, "default", "a", Preconditions.resourceVersion("7")))
                .isInstanceOf(StoreException.Conflict.class)
                .hasMessageContaining("ResourceVersion in precondition: 7, ResourceVersion in object meta: 1");
        assertThat(store.get(ConfigMap.TYPE, "default", "a")).containsSame(v1);

        store.delete(ConfigMap.TYPE, "default", "a", new Preconditions("u-1", "1"));
        assertThat(store.get(ConfigMap.TYPE, "default", "a")).isEmpty();
    }

    @Test
    void keysMustFitTheKindsScope() {
        assertThatThrownBy(() -> store.create(ConfigMap.named("a").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs metadata.namespace");
        assertThatThrownBy(() -> store.create(Widget.named("w", "s").withMetadata(
                Widget.named("w", "s").metadata().withNamespace("default"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cluster-scoped");
        assertThatThrownBy(() -> store.create(ConfigMap.named(null).namespace("default").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs metadata.name");
    }

    @Test
    void clusterScopedKindsAndGroupsAreNamedLikeKubernetes() {
        Widget w = store.create(Widget.named("w", "small"));

        assertThat(store.get(Widget.TYPE, null, "w")).containsSame(w);
        assertThatThrownBy(() -> store.delete(Widget.TYPE, null, "x", Preconditions.NONE))
                .hasMessage("widgets.example.io \"x\" not found");
        assertThat(store.list(Widget.TYPE, ListOptions.all()).items()).containsExactly(w);
        assertThat(store.list(ConfigMap.TYPE, ListOptions.all()).items()).isEmpty();
    }

    @Test
    void listFiltersByNamespaceAndSortsByKey() {
        store.create(cm("b", "x"));
        store.create(cm("a", "y"));
        store.create(cm("a", "x"));

        assertThat(store.list(ConfigMap.TYPE, ListOptions.all()).items())
                .extracting(c -> c.metadata().namespace() + "/" + c.metadata().name())
                .containsExactly("a/x", "a/y", "b/x");
        assertThat(store.list(ConfigMap.TYPE, ListOptions.inNamespace("a")).items()).hasSize(2);
        assertThat(store.list(ConfigMap.TYPE, ListOptions.inNamespace("none")).items()).isEmpty();
        assertThat(store.list(ConfigMap.TYPE, ListOptions.all()).revision()).isEqualTo(3);
    }

    @Test
    void listFiltersByLabelAndFieldSelectors() {
        store.create(ConfigMap.named("web").namespace("default").label("app", "web").data("tier", "front").build());
        store.create(ConfigMap.named("db").namespace("default").label("app", "db").data("tier", "back").build());
        store.create(ConfigMap.named("web").namespace("other").label("app", "web").build());

        ListOptions web = ListOptions.all().withLabelSelector(LabelSelector.of(Map.of("app", "web")));
        assertThat(names(store.list(ConfigMap.TYPE, web))).containsExactly("default/web", "other/web");
        assertThat(names(store.list(ConfigMap.TYPE, web.withFieldSelector(
                FieldSelector.parse("metadata.namespace!=default"))))).containsExactly("other/web");
        assertThat(names(store.list(ConfigMap.TYPE, ListOptions.all().withFieldSelector(
                FieldSelector.parse("metadata.name=db"))))).containsExactly("default/db");
        assertThat(names(store.list(ConfigMap.TYPE, ListOptions.all().withFieldSelector(
                FieldSelector.parse("data.tier="))))).containsExactly("other/web");
        assertThatThrownBy(() -> store.list(ConfigMap.TYPE, ListOptions.all().withFieldSelector(
                FieldSelector.parse("spec.nodeName=n1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field label not supported: spec.nodeName");
    }

    private static java.util.List<String> names(ListResult<ConfigMap> list) {
        return list.items().stream().map(c -> c.metadata().namespace() + "/" + c.metadata().name()).toList();
    }

    @Test
    void listAtAnExactRevisionServesThePastFromHistory() {
        ConfigMap a = store.create(cm("default", "a"));                          // 1
        store.create(cm("default", "b"));                                        // 2
        long before = store.revision();
        store.update(a.toBuilder().data("v", "1").build());                      // 3
        store.delete(ConfigMap.TYPE, "default", "b", Preconditions.NONE);        // 4
        store.create(cm("default", "c"));                                        // 5

        ListResult<ConfigMap> past = store.list(ConfigMap.TYPE, ListOptions.all().exact(Long.toString(before)));

        assertThat(past.revision()).isEqualTo(2);
        assertThat(past.items()).extracting(c -> c.metadata().name() + "=" + c.data().get("v") + "@"
                + c.metadata().resourceVersion()).containsExactly("a=0@1", "b=0@2");
        assertThat(store.list(ConfigMap.TYPE, ListOptions.all().exact("5")).items()).hasSize(2);
        assertThat(store.list(ConfigMap.TYPE, ListOptions.all().exact("3")).items())
                .extracting(c -> c.metadata().name()).containsExactly("a", "b");
    }

    @Test
    void listNotOlderThanServesTheLatestAndRejectsTheFuture() {
        store.create(cm("default", "a"));
        store.create(cm("default", "b"));

        assertThat(store.list(ConfigMap.TYPE, ListOptions.all().notOlderThan("1")).revision()).isEqualTo(2);
        assertThat(store.list(ConfigMap.TYPE, ListOptions.all().notOlderThan("0")).revision()).isEqualTo(2);
        assertThatThrownBy(() -> store.list(ConfigMap.TYPE, ListOptions.all().notOlderThan("3")))
                .isInstanceOf(StoreException.TooLargeResourceVersion.class)
                .hasMessage("Too large resource version: 3, current: 2");
        assertThatThrownBy(() -> store.list(ConfigMap.TYPE, ListOptions.all().exact("0")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.list(ConfigMap.TYPE, ListOptions.all().notOlderThan("abc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid resourceVersion");
    }

    @Test
    void listAtARevisionOlderThanTheHistoryIsGone() {
        ConfigMap a = store.create(cm("default", "a"));
        for (int i = 0; i < store.historySize() + 2; i++) {
            a = store.update(a.toBuilder().data("v", Integer.toString(i + 1)).build());
        }

        assertThatThrownBy(() -> store.list(ConfigMap.TYPE, ListOptions.all().exact("1")))
                .isInstanceOf(StoreException.Gone.class)
                .hasMessageStartingWith("too old resource version: 1 (");
        assertThat(store.list(ConfigMap.TYPE, ListOptions.all().exact(Long.toString(store.revision() - 1)))
                .items()).singleElement().satisfies(c -> assertThat(c.data().get("v"))
                .isEqualTo(Integer.toString(store.historySize() + 1)));
    }

    @Test
    void metricsCountOperationsByVerbAndKind() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (InMemoryObjectStore metered = InMemoryObjectStore.builder().meterRegistry(registry).build()) {
            metered.create(cm("default", "a"));
            metered.get(ConfigMap.TYPE, "default", "a");
            assertThatThrownBy(() -> metered.create(cm("default", "a")));

            assertThat(registry.get("flotilla.store.operations").tag("verb", "create").tag("kind", "ConfigMap")
                    .timer().count()).isEqualTo(2);
            assertThat(registry.get("flotilla.store.operations").tag("verb", "get").timer().count()).isEqualTo(1);
            assertThat(registry.get("flotilla.store.errors").tag("reason", "AlreadyExists").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get("flotilla.store.revision").gauge().value()).isEqualTo(1);
            assertThat(registry.get("flotilla.store.watchers").gauge().value()).isZero();
        }
    }
}
