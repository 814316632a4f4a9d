package io.flotilla.core.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.apiserver.gc.GarbageCollector;
import io.flotilla.core.store.Watch;
import io.flotilla.core.store.WatchEvent;
import io.flotilla.core.store.WatchOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deleting an owner with each propagation policy leaves exactly the objects Kubernetes would leave. */
class GarbageCollectorTest {
    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private ConfigMap cm(String name, OwnerReference... owners) {
        ConfigMap.Builder b = ConfigMap.named(name);
        for (OwnerReference ref : owners) {
            b.ownerReference(ref);
        }
        return f.api.create(b.build());
    }

    private static OwnerReference blocking(Resource owner) {
        return OwnerReference.controlledBy(owner);
    }

    private static OwnerReference nonBlocking(Resource owner) {
        return new OwnerReference(owner.apiVersion(), owner.kind(), owner.metadata().name(), owner.metadata().uid(),
                false, false);
    }

    private boolean exists(ResourceType<?> type, String name) {
        return f.api.get(type, "default", name).isPresent();
    }

    private ConfigMap stored(String name) {
        return f.api.get(ConfigMap.TYPE, "default", name).orElseThrow();
    }

    private static ConfigMap withoutFinalizers(ConfigMap cm) {
        return cm.withMetadata(cm.metadata().toBuilder().finalizers(List.of()).build());
    }

    @Test
    void backgroundOwnerGoesAtOnceThenDependentsWithoutOtherOwners() {
        ConfigMap owner = cm("owner");
        ConfigMap other = cm("other");
        cm("only", blocking(owner));
        cm("shared", nonBlocking(owner), nonBlocking(other));

        f.api.delete(ConfigMap.TYPE, "default", "owner", DeleteOptions.background());
        assertThat(exists(ConfigMap.TYPE, "owner")).isFalse();
        assertThat(exists(ConfigMap.TYPE, "only")).isTrue();

        f.settle();
        assertThat(f.names(ConfigMap.TYPE, "default")).containsExactlyInAnyOrder("other", "shared");
        assertThat(stored("shared").metadata().ownerReferences()).extracting(OwnerReference::name)
                .containsExactly("other");
    }

    @Test
    void backgroundADependentWithItsOwnFinalizerIsOnlyMarked() {
        ConfigMap owner = cm("owner");
        f.api.create(ConfigMap.named("held").ownerReference(blocking(owner)).finalizer("example.com/hold")
                .build());
        f.api.delete(ConfigMap.TYPE, "default", "owner", DeleteOptions.background());
        f.settle();
        assertThat(stored("held").metadata().isDeleting()).isTrue();

        f.api.update(withoutFinalizers(stored("held")));
        assertThat(f.names(ConfigMap.TYPE, "default")).isEmpty();
    }

    @Test
    void backgroundAnOwnerWithItsOwnFinalizerKeepsItsDependents() {
        ConfigMap owner = f.api.create(ConfigMap.named("owner").finalizer("example.com/hold").build());
        cm("dep", blocking(owner));
        f.api.delete(ConfigMap.TYPE, "default", "owner", DeleteOptions.background());
        f.settle();
        assertThat(f.names(ConfigMap.TYPE, "default")).containsExactlyInAnyOrder("owner", "dep");

        f.api.update(withoutFinalizers(stored("owner")));
        f.settle();
        assertThat(f.names(ConfigMap.TYPE, "default")).isEmpty();
    }

    @Test
    void foregroundDependentsGoFirstThenTheOwner() {
        ConfigMap owner = cm("owner");
        cm("blocker", blocking(owner));
        cm("plain", nonBlocking(owner));

        ConfigMap marked = f.api.delete(ConfigMap.TYPE, "default", "owner", DeleteOptions.foreground());
        assertThat(marked.metadata().isDeleting()).isTrue();
        assertThat(marked.metadata().finalizers()).containsExactly(ApiServer.FOREGROUND_DELETION_FINALIZER);

        f.settle();
        assertThat(f.names(ConfigMap.TYPE, "default")).isEmpty();
    }

    @Test
    void foregroundABlockingDependentWithAFinalizerHoldsTheOwner() {
        ConfigMap owner = cm("owner");
        f.api.create(ConfigMap.named("held").ownerReference(blocking(owner)).finalizer("example.com/hold")
                .build());
        f.api.delete(ConfigMap.TYPE, "default", "owner", DeleteOptions.foreground());
        f.settle();
        assertThat(stored("owner").metadata().finalizers()).containsExactly("foregroundDeletion");
        assertThat(stored("held").metadata().isDeleting()).isTrue();

        f.api.update(withoutFinalizers(stored("held")));
        f.settle();
        assertThat(f.names(ConfigMap.TYPE, "default")).isEmpty();
    }

    @Test
    void foregroundANonBlockingDependentWithAFinalizerDoesNotHoldTheOwner() {
        ConfigMap owner = cm("owner");
        f.api.create(ConfigMap.named("held").ownerReference(nonBlocking(owner)).finalizer("example.com/hold")
                .build());
        f.api.delete(ConfigMap.TYPE, "default", "owner", DeleteOptions.foreground());
        f.settle();
        assertThat(f.names(ConfigMap.TYPE, "default")).containsExactly("held");
        assertThat(stored("held").metadata().isDeleting()).isTrue();
    }

    @Test
    void foregroundADependentWithAnotherLiveOwnerStaysAndLosesTheReference() {
        ConfigMap owner = cm("owner");
        ConfigMap other = cm("other");
        cm("shared", blocking(owner), nonBlocking(other));
        f.api.delete(ConfigMap.TYPE, "default", "owner", DeleteOptions.foreground());
        f.settle();
        assertThat(f.names(ConfigMap.TYPE, "default")).containsExactlyInAnyOrder("other", "shared");
        assertThat(stored("shared").metadata().ownerReferences()).extracting(OwnerReference::name)
                .containsExactly("other");
    }

    @Test
    void orphanDependentsStayWithoutTheReferenceAndTheOwnerGoes() {
        ConfigMap owner = cm("owner");
        ConfigMap other = cm("other");
        cm("only", blocking(owner));
        cm("shared", nonBlocking(owner), nonBlocking(other));

        ConfigMap marked = f.api.delete(ConfigMap.TYPE, "default", "owner", DeleteOptions.orphan());
        assertThat(marked.metadata().finalizers()).containsExactly(ApiServer.ORPHAN_FINALIZER);

        f.settle();
        assertThat(f.names(ConfigMap.TYPE, "default")).containsExactlyInAnyOrder("other", "only", "shared");
        assertThat(stored("only").metadata().ownerReferences()).isEmpty();
        assertThat(stored("shared").metadata().ownerReferences()).extracting(OwnerReference::name)
                .containsExactly("other");
    }

    @Test
    void orphanAnOwnerWithItsOwnFinalizerStaysAfterOrphaning() {
        ConfigMap owner = f.api.create(ConfigMap.named("owner").finalizer("example.com/hold").build());
        cm("dep", blocking(owner));
        f.api.delete(ConfigMap.TYPE, "default", "owner", DeleteOptions.orphan());
        f.settle();
        assertThat(stored("owner").metadata().finalizers()).containsExactly("example.com/hold");
        assertThat(stored("dep").metadata().ownerReferences()).isEmpty();
    }

    @Test
    void danglingAReferenceToAMissingOwnerIsCollected() {
        cm("orphaned", new OwnerReference("v1", "ConfigMap", "ghost", "no-such-uid", true, true));
        f.settle();
        assertThat(exists(ConfigMap.TYPE, "orphaned")).isFalse();
    }

    @Test
    void danglingAReferenceToAnOwnerWithAnotherUidIsCollected() {
        cm("owner");
        cm("stale", new OwnerReference("v1", "ConfigMap", "owner", "an-older-uid", true, true));
        f.settle();
        assertThat(f.names(ConfigMap.TYPE, "default")).containsExactly("owner");
    }

    @Test
    void danglingAReferenceToAnUnservedKindIsNeverCollected() {
        cm("kept", new OwnerReference("example.com/v1", "Widget", "w", "uid-1", true, true));
        f.settle();
        assertThat(exists(ConfigMap.TYPE, "kept")).isTrue();
    }

    private void chain() {
        Deployment deployment = f.api.create(Deployment.named("web").container("c", c -> c.image("nginx:1.27"))
                .build());
        ReplicaSet rs = f.api.create(ReplicaSet.named("web-7d4b9").ownerReference(blocking(deployment))
                .container("c", c -> c.image("nginx:1.27")).build());
        for (int i = 0; i < 3; i++) {
            f.api.create(Pod.named("web-7d4b9-" + i).ownerReference(blocking(rs))
                    .container("c", c -> c.image("nginx:1.27")).build());
        }
    }

    @Test
    void chainsBackgroundRemovesTheWholeChain() {
        chain();
        f.api.delete(Deployment.TYPE, "default", "web", DeleteOptions.background());
        f.settle();
        assertThat(f.names(Deployment.TYPE, "default")).isEmpty();
        assertThat(f.names(ReplicaSet.TYPE, "default")).isEmpty();
        assertThat(f.names(Pod.TYPE, "default")).isEmpty();
    }

    @Test
    void chainsForegroundRemovesPodsThenTheReplicaSetThenTheDeployment() {
        chain();
        long from = f.store.revision();
        f.api.delete(Deployment.TYPE, "default", "web", DeleteOptions.foreground());
        f.settle();
        assertThat(f.names(Deployment.TYPE, "default")).isEmpty();
        assertThat(f.names(ReplicaSet.TYPE, "default")).isEmpty();
        assertThat(f.names(Pod.TYPE, "default")).isEmpty();

        List<String> order = deletions(from, Pod.TYPE, ReplicaSet.TYPE, Deployment.TYPE);
        assertThat(order).hasSize(5);
        assertThat(order.subList(0, 3)).allMatch(s -> s.startsWith("Pod/"));
        assertThat(order.subList(3, 5)).containsExactly("ReplicaSet/web-7d4b9", "Deployment/web");
    }

    @Test
    void chainsOrphanKeepsTheReplicaSetAndItsPods() {
        chain();
        f.api.delete(Deployment.TYPE, "default", "web", DeleteOptions.orphan());
        f.settle();
        assertThat(f.names(Deployment.TYPE, "default")).isEmpty();
        ReplicaSet rs = f.api.get(ReplicaSet.TYPE, "default", "web-7d4b9").orElseThrow();
        assertThat(rs.metadata().ownerReferences()).isEmpty();
        assertThat(f.names(Pod.TYPE, "default")).hasSize(3);
        assertThat(f.api.get(Pod.TYPE, "default", "web-7d4b9-0").orElseThrow().metadata().ownerReferences())
                .extracting(OwnerReference::uid).containsExactly(rs.metadata().uid());
    }

    /** The kinds and names of the objects deleted after {@code from}, in order. */
    private List<String> deletions(long from, ResourceType<?>... types) {
        List<long[]> revisions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ResourceType<?> type : types) {
            collect(type, from, revisions, names);
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            idx.add(i);
        }
        idx.sort((a, b) -> Long.compare(revisions.get(a)[0], revisions.get(b)[0]));
        return idx.stream().map(names::get).toList();
    }

    private <T extends Resource> void collect(ResourceType<T> type, long from, List<long[]> revisions,
                                              List<String> names) {
        try (Watch<T> watch = f.store.watch(type, WatchOptions.fromRevision(from).withBookmarks(false, 1))) {
            WatchEvent<T> e;
            while ((e = watch.poll(Duration.ZERO)) != null) {
                if (e.type() == WatchEvent.Type.DELETED) {
                    revisions.add(new long[]{e.revision()});
                    names.add(type.kind() + "/" + e.object().metadata().name());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void runsInTheBackgroundFromWatches() throws InterruptedException {
        try (GarbageCollector gc = GarbageCollector.create(f.api, f.clock).start()) {
            ConfigMap owner = cm("owner");
            cm("dep", blocking(owner));
            f.api.delete(ConfigMap.TYPE, "default", "owner", DeleteOptions.foreground());
            await(gc, () -> f.names(ConfigMap.TYPE, "default").isEmpty());
            assertThat(f.names(ConfigMap.TYPE, "default")).isEmpty();
        }
    }

    private static void await(GarbageCollector gc, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            gc.awaitProgress(Duration.ofMillis(100));
        }
    }
}
