package io.flotilla.core.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.core.store.Preconditions;
import io.flotilla.core.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeletionTest {
    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private ConfigMap held() {
        return f.api.create(ConfigMap.named("c").finalizer("example.com/a").finalizer("example.com/b").build());
    }

    private static ConfigMap without(ConfigMap cm, String finalizer) {
        return cm.withMetadata(cm.metadata().toBuilder().finalizers(cm.metadata().finalizers().stream()
                .filter(x -> !x.equals(finalizer)).toList()).build());
    }

    @Test
    void deleteWithoutFinalizersRemovesAtOnce() {
        f.api.create(ConfigMap.named("c").build());
        ConfigMap last = f.api.delete(ConfigMap.TYPE, "default", "c");
        assertThat(last.metadata().name()).isEqualTo("c");
        assertThat(f.api.get(ConfigMap.TYPE, "default", "c")).isEmpty();
    }

    @Test
    void finalizersOnlyMarkTheObjectUntilTheLastIsRemoved() {
        held();
        f.clock.advance(Duration.ofSeconds(5));
        ConfigMap marked = f.api.delete(ConfigMap.TYPE, "default", "c");
        assertThat(marked.metadata().deletionTimestamp()).isEqualTo(Instant.parse("2025-01-01T00:00:05Z"));
        assertThat(marked.metadata().deletionGracePeriodSeconds()).isZero();
        assertThat(f.api.get(ConfigMap.TYPE, "default", "c")).contains(marked);

        ConfigMap one = f.api.update(without(marked, "example.com/a"));
        assertThat(one.metadata().finalizers()).containsExactly("example.com/b");
        assertThat(f.api.get(ConfigMap.TYPE, "default", "c")).isPresent();

        f.api.update(without(one, "example.com/b"));
        assertThat(f.api.get(ConfigMap.TYPE, "default", "c")).isEmpty();
    }

    @Test
    void deletingAgainKeepsTheFirstTimestamp() {
        held();
        ConfigMap first = f.api.delete(ConfigMap.TYPE, "default", "c");
        f.clock.advance(Duration.ofSeconds(10));
        long revision = f.store.revision();
        ConfigMap second = f.api.delete(ConfigMap.TYPE, "default", "c");
        assertThat(second.metadata().deletionTimestamp()).isEqualTo(first.metadata().deletionTimestamp());
        assertThat(f.store.revision()).isEqualTo(revision);
    }

    @Test
    void noNewFinalizersOnceDeleting() {
        ConfigMap marked = f.api.delete(ConfigMap.TYPE, "default", held().metadata().name());
        long revision = f.store.revision();
        ConfigMap more = marked.withMetadata(marked.metadata().toBuilder().finalizer("example.com/c").build());
        assertThatThrownBy(() -> f.api.update(more))
                .isInstanceOf(ApiException.Invalid.class)
                .hasMessageContaining("metadata.finalizers: Forbidden: no new finalizers can be added if the object"
                        + " is being deleted");
        assertThat(f.store.revision()).isEqualTo(revision);
    }

    @Test
    void deletionTimestampCannotBeSetOrClearedByAnUpdate() {
        ConfigMap marked = f.api.delete(ConfigMap.TYPE, "default", held().metadata().name());
        ConfigMap cleared = f.api.update(marked.withMetadata(marked.metadata().toBuilder().deletionTimestamp(null)
                .label("x", "y").build()));
        assertThat(cleared.metadata().deletionTimestamp()).isEqualTo(marked.metadata().deletionTimestamp());
    }

    @Test
    void preconditionsAreChecked() {
        ConfigMap cm = f.api.create(ConfigMap.named("c").build());
        long revision = f.store.revision();
        assertThatThrownBy(() -> f.api.delete(ConfigMap.TYPE, "default", "c",
                DeleteOptions.defaults().withPreconditions(Preconditions.uid("other"))))
                .isInstanceOf(StoreException.Conflict.class)
                .hasMessageContaining("Precondition failed: UID in precondition: other");
        assertThatThrownBy(() -> f.api.delete(ConfigMap.TYPE, "default", "c",
                DeleteOptions.defaults().withPreconditions(Preconditions.resourceVersion("1"))))
                .isInstanceOf(StoreException.Conflict.class);
        assertThat(f.store.revision()).isEqualTo(revision);
        f.api.delete(ConfigMap.TYPE, "default", "c",
                DeleteOptions.defaults().withPreconditions(Preconditions.uid(cm.metadata().uid())));
        assertThat(f.api.get(ConfigMap.TYPE, "default", "c")).isEmpty();
    }

    @Test
    void deleteOfAMissingObjectIsNotFound() {
        assertThatThrownBy(() -> f.api.delete(ConfigMap.TYPE, "default", "ghost"))
                .isInstanceOf(StoreException.NotFound.class)
                .hasMessage("configmaps \"ghost\" not found");
    }

    @Test
    void propagationPoliciesAddTheirFinalizers() {
        f.api.create(ConfigMap.named("o").build());
        f.api.create(ConfigMap.named("g").build());
        assertThat(f.api.delete(ConfigMap.TYPE, "default", "o", DeleteOptions.orphan()).metadata().finalizers())
                .containsExactly(ApiServer.ORPHAN_FINALIZER);
        assertThat(f.api.delete(ConfigMap.TYPE, "default", "g", DeleteOptions.foreground()).metadata().finalizers())
                .containsExactly(ApiServer.FOREGROUND_DELETION_FINALIZER);
        // an explicit Background drops them, and with nothing else holding it the object goes
        f.api.delete(ConfigMap.TYPE, "default", "g", DeleteOptions.background());
        assertThat(f.api.get(ConfigMap.TYPE, "default", "g")).isEmpty();
    }

    @Test
    void aBoundPodIsDeletedGracefullyAndGoesWhenTheNodeDeletesItWithGraceZero() {
        Pod pod = f.api.create(Pod.named("p").nodeName("node-1").terminationGracePeriodSeconds(20)
                .container("c", c -> c.image("nginx:1.27")).build());
        f.api.updateStatus(pod.withStatus(PodStatus.of(PodStatus.RUNNING)));

        Pod terminating = f.api.delete(Pod.TYPE, "default", "p");
        assertThat(terminating.metadata().deletionGracePeriodSeconds()).isEqualTo(20L);
        assertThat(terminating.metadata().deletionTimestamp()).isEqualTo(Instant.parse("2025-01-01T00:00:20Z"));

        Pod shorter = f.api.delete(Pod.TYPE, "default", "p", DeleteOptions.defaults().withGracePeriodSeconds(5));
        assertThat(shorter.metadata().deletionGracePeriodSeconds()).isEqualTo(5L);

        f.api.delete(Pod.TYPE, "default", "p", DeleteOptions.defaults().withGracePeriodSeconds(0));
        assertThat(f.api.get(Pod.TYPE, "default", "p")).isEmpty();
    }

    @Test
    void anUnboundPodGoesAtOnce() {
        f.api.create(Pod.named("p").container("c", c -> c.image("nginx:1.27")).build());
        f.api.delete(Pod.TYPE, "default", "p");
        assertThat(f.api.get(Pod.TYPE, "default", "p")).isEmpty();
    }

    @Test
    void systemNamespacesCannotBeDeleted() {
        assertThatThrownBy(() -> f.api.delete(io.flotilla.api.core.Namespace.TYPE, null, "default"))
                .isInstanceOf(ApiException.Forbidden.class)
                .hasMessage("namespaces \"default\" is forbidden: this namespace may not be deleted");
        assertThat(f.names(io.flotilla.api.core.Namespace.TYPE, null)).contains("default");
        assertThat(List.of()).isEmpty();
    }
}
