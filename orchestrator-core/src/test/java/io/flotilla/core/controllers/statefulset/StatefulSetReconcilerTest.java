package io.flotilla.core.controllers.statefulset;

import static io.flotilla.core.controllers.harness.ControllerHarness.NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.flotilla.api.apps.StatefulSetStatus;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.core.Volume;
import io.flotilla.core.controllers.harness.ControllerHarness;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatefulSetReconcilerTest {
    private final ControllerHarness h = new ControllerHarness(StatefulSet.TYPE, Pod.TYPE, PersistentVolumeClaim.TYPE);
    private final StatefulSetReconciler reconciler = new StatefulSetReconciler(h.client,
            h.lister(StatefulSet.TYPE), h.lister(Pod.TYPE), h.lister(PersistentVolumeClaim.TYPE), h.clock,
            h.recorder);

    @AfterEach
    void close() {
        h.close();
    }

    private static StatefulSet.Builder web(int replicas) {
        return StatefulSet.named("web").namespace(NS).serviceName("web").replicas(replicas)
                .podLabel("app", "web").selector("app", "web")
                .container("app", c -> c.image("nginx:1.27"))
                .volumeClaimTemplate("data", pvc -> pvc.readWriteOnce().storage("1Gi"));
    }

    private Result reconcile() {
        h.settle();
        Result result = reconciler.reconcile(Request.of(NS, "web"));
        h.settle();
        return result;
    }

    private void edit(UnaryOperator<StatefulSet.Builder> change) {
        h.client.statefulSets().update(NS, "web", s -> change.apply(s.toBuilder()).build());
    }

    private StatefulSetStatus status() {
        return h.client.statefulSets().inNamespace(NS).get("web").orElseThrow().status();
    }

    private String image(String pod) {
        return h.pod(pod).spec().containers().get(0).image();
    }

    /** Creates the set and walks OrderedReady creation to {@code n} ready pods. */
    private void createReady(StatefulSet set) {
        h.client.statefulSets().create(set);
        for (int i = 0; i < set.spec().effectiveReplicas(); i++) {
            reconcile();
            h.runningReady("web-" + i);
        }
        reconcile();
    }

    @Test
    void orderedReadyCreatesOnePodAtATimeEachReadyFirst() {
        h.client.statefulSets().create(web(3).build());

        reconcile();
        assertThat(h.podNames()).containsExactly("web-0");
        reconcile();
        assertThat(h.podNames()).as("web-0 is not ready yet").containsExactly("web-0");
        h.runningNotReady("web-0");
        reconcile();
        assertThat(h.podNames()).as("running but not ready").containsExactly("web-0");
        h.runningReady("web-0");
        reconcile();
        assertThat(h.podNames()).containsExactly("web-0", "web-1");
        h.runningReady("web-1");
        reconcile();
        assertThat(h.podNames()).containsExactly("web-0", "web-1", "web-2");
        h.runningReady("web-2");
        reconcile();

        StatefulSetStatus status = status();
        assertThat(status.replicas()).isEqualTo(3);
        assertThat(status.readyReplicas()).isEqualTo(3);
        assertThat(status.availableReplicas()).isEqualTo(3);
        assertThat(status.currentReplicas()).isEqualTo(3);
        assertThat(status.updatedReplicas()).isEqualTo(3);
        assertThat(status.currentRevision()).startsWith("web-").isEqualTo(status.updateRevision());
        assertThat(status.observedGeneration()).isEqualTo(1L);
        assertThat(h.eventReasons()).contains("SuccessfulCreate");
    }

    @Test
    void podsHaveStableIdentityAndTheirOwnClaims() {
        h.client.statefulSets().create(web(1).build());
        reconcile();

        Pod pod = h.pod("web-0");
        assertThat(pod.spec().hostname()).isEqualTo("web-0");
        assertThat(pod.spec().subdomain()).isEqualTo("web");
        assertThat(pod.metadata().labels()).containsEntry("app", "web")
                .containsEntry(StatefulSetController.POD_NAME_LABEL, "web-0")
                .containsEntry(StatefulSetController.POD_INDEX_LABEL, "0")
                .containsEntry(StatefulSetController.REVISION_LABEL, status().updateRevision());
        assertThat(pod.metadata().controllerReference()).hasValueSatisfying(ref -> {
            assertThat(ref.kind()).isEqualTo("StatefulSet");
            assertThat(ref.name()).isEqualTo("web");
        });
        assertThat(pod.spec().volume("data")).map(Volume::persistentVolumeClaim)
                .hasValueSatisfying(v -> assertThat(v.claimName()).isEqualTo("data-web-0"));
        PersistentVolumeClaim claim = h.client.persistentVolumeClaims().inNamespace(NS).get("data-web-0")
                .orElseThrow();
        assertThat(claim.metadata().labels()).containsEntry("app", "web");
        assertThat(claim.metadata().ownerReferences()).as("Retain: not owned").isEmpty();
        assertThat(claim.spec().resources().requestedStorage()).isPresent();
    }

    @Test
    void scaleDownFromTheHighestOrdinalWaitingForEachTermination() {
        createReady(web(3).build());

        edit(b -> b.replicas(1));
        reconcile();
        assertThat(h.livePodNames()).containsExactly("web-0", "web-1");
        assertThat(h.pod("web-2").metadata().isDeleting()).as("graceful deletion, node agent not done").isTrue();
        reconcile();
        assertThat(h.livePodNames()).as("waits for web-2 to terminate").containsExactly("web-0", "web-1");

        h.confirmDeletion("web-2");
        reconcile();
        assertThat(h.livePodNames()).containsExactly("web-0");
        h.confirmDeletion("web-1");
        reconcile();
        assertThat(h.podNames()).containsExactly("web-0");
        assertThat(status().replicas()).isEqualTo(1);
    }

    @Test
    void claimsAreKeptOnScaleDownAndReattachedOnScaleUp() {
        createReady(web(2).build());
        String uid = h.client.persistentVolumeClaims().inNamespace(NS).get("data-web-1").orElseThrow()
                .metadata().uid();

        edit(b -> b.replicas(1));
        reconcile();
        h.confirmDeletion("web-1");
        reconcile();
        assertThat(h.podNames()).containsExactly("web-0");
        assertThat(h.client.persistentVolumeClaims().inNamespace(NS).list()).extracting(c -> c.metadata().name())
                .containsExactlyInAnyOrder("data-web-0", "data-web-1");

        edit(b -> b.replicas(2));
        reconcile();
        assertThat(h.podNames()).containsExactly("web-0", "web-1");
        assertThat(h.pod("web-1").spec().volume("data").orElseThrow().persistentVolumeClaim().claimName())
                .isEqualTo("data-web-1");
        assertThat(h.client.persistentVolumeClaims().inNamespace(NS).get("data-web-1").orElseThrow()
                .metadata().uid()).as("the same claim, not a new one").isEqualTo(uid);
    }

    @Test
    void whenScaledDeleteRemovesTheClaimsOfRemovedPods() {
        createReady(web(2).persistentVolumeClaimRetention(StatefulSetPersistentVolumeClaimRetentionPolicy.DELETE,
                StatefulSetPersistentVolumeClaimRetentionPolicy.DELETE).build());
        assertThat(h.client.persistentVolumeClaims().inNamespace(NS).get("data-web-0").orElseThrow()
                .metadata().ownerReferences()).as("whenDeleted: Delete makes the set own its claims")
                .extracting(r -> r.name()).containsExactly("web");

        edit(b -> b.replicas(1));
        reconcile();
        assertThat(h.client.persistentVolumeClaims().inNamespace(NS).get("data-web-1"))
                .as("kept while its pod terminates").isPresent();
        h.confirmDeletion("web-1");
        reconcile();
        assertThat(h.client.persistentVolumeClaims().inNamespace(NS).list()).extracting(c -> c.metadata().name())
                .containsExactly("data-web-0");
    }

    @Test
    void rollingUpdateReplacesFromTheHighestOrdinalOneReadyPodAtATime() {
        createReady(web(3).build());
        String oldRevision = status().currentRevision();

        edit(b -> b.container("app", c -> c.image("nginx:1.28")));
        List<String> order = new java.util.ArrayList<>();
        for (int step = 0; step < 3; step++) {
            reconcile();
            List<String> deleting = h.client.pods().inNamespace(NS).list().stream()
                    .filter(p -> p.metadata().isDeleting()).map(p -> p.metadata().name()).toList();
            assertThat(deleting).as("one pod at a time").hasSize(1);
            String victim = deleting.get(0);
            order.add(victim);
            reconcile();
            assertThat(h.pod(victim).metadata().isDeleting()).as("waits for termination").isTrue();
            h.confirmDeletion(victim);
            reconcile();
            assertThat(image(victim)).isEqualTo("nginx:1.28");
            reconcile();
            assertThat(h.livePodNames()).as("waits for the new pod to be ready").hasSize(3);
            h.runningReady(victim);
        }
        reconcile();

        assertThat(order).containsExactly("web-2", "web-1", "web-0");
        StatefulSetStatus status = status();
        assertThat(status.currentRevision()).isEqualTo(status.updateRevision()).isNotEqualTo(oldRevision);
        assertThat(status.updatedReplicas()).isEqualTo(3);
        assertThat(status.observedGeneration()).isEqualTo(2L);
    }

    @Test
    void partitionKeepsLowerOrdinalsAtTheOldRevisionEvenWhenRecreated() {
        createReady(web(3).build());

        edit(b -> b.partition(2).container("app", c -> c.image("nginx:1.28")));
        reconcile();
        h.confirmDeletion("web-2");
        reconcile();
        h.runningReady("web-2");
        reconcile();
        assertThat(h.livePodNames()).containsExactly("web-0", "web-1", "web-2");
        assertThat(image("web-2")).isEqualTo("nginx:1.28");
        assertThat(image("web-1")).isEqualTo("nginx:1.27");
        assertThat(status().updatedReplicas()).isEqualTo(1);
        assertThat(status().currentReplicas()).isEqualTo(2);
        assertThat(status().currentRevision()).isNotEqualTo(status().updateRevision());

        h.client.pods().inNamespace(NS).delete("web-0");
        h.confirmDeletion("web-0");
        reconcile();
        assertThat(image("web-0")).as("below the partition: the current revision").isEqualTo("nginx:1.27");
        assertThat(h.pod("web-0").metadata().labels().get(StatefulSetController.REVISION_LABEL))
                .isEqualTo(status().currentRevision());
    }

    @Test
    void maxUnavailableReplacesSeveralPodsAtOnce() {
        createReady(web(3).parallel().build());

        edit(b -> b.maxUnavailable(io.flotilla.api.apps.Rollout.maxUnavailable(2))
                .container("app", c -> c.image("nginx:1.28")));
        reconcile();
        assertThat(h.livePodNames()).containsExactly("web-0");
    }

    @Test
    void onDeleteReplacesOnlyPodsTheUserDeletes() {
        createReady(web(2).onDelete().build());

        edit(b -> b.container("app", c -> c.image("nginx:1.28")));
        reconcile();
        assertThat(h.livePodNames()).containsExactly("web-0", "web-1");
        assertThat(image("web-1")).isEqualTo("nginx:1.27");

        h.client.pods().inNamespace(NS).delete("web-1");
        h.confirmDeletion("web-1");
        reconcile();
        assertThat(image("web-1")).isEqualTo("nginx:1.28");
        assertThat(image("web-0")).isEqualTo("nginx:1.27");
    }

    @Test
    void parallelCreatesAndDeletesAllAtOnce() {
        h.client.statefulSets().create(web(3).parallel().build());
        reconcile();
        assertThat(h.podNames()).containsExactly("web-0", "web-1", "web-2");

        edit(b -> b.replicas(0));
        reconcile();
        assertThat(h.podNames()).isEmpty();
    }

    @Test
    void failedPodIsRecreatedWithTheSameNameAndClaim() {
        createReady(web(2).build());
        String uid = h.pod("web-1").metadata().uid();

        h.finished("web-1", PodStatus.FAILED);
        reconcile();
        reconcile();
        Pod again = h.pod("web-1");
        assertThat(again.metadata().uid()).isNotEqualTo(uid);
        assertThat(again.spec().volume("data").orElseThrow().persistentVolumeClaim().claimName())
                .isEqualTo("data-web-1");
        assertThat(h.eventReasons()).contains("RecreatingFailedPod");
    }

    @Test
    void minReadySecondsDelaysTheNextPod() {
        h.client.statefulSets().create(web(2).minReadySeconds(30).build());
        reconcile();
        h.runningReady("web-0");
        Result wait = reconcile();
        assertThat(h.podNames()).containsExactly("web-0");
        assertThat(wait).isEqualTo(Result.requeueAfter(java.time.Duration.ofSeconds(30)));

        h.clock.advance(java.time.Duration.ofSeconds(30));
        reconcile();
        assertThat(h.podNames()).containsExactly("web-0", "web-1");
    }

    @Test
    void orphansWithMatchingNamesAreAdopted() {
        h.client.pods().create(Pod.named("web-0").namespace(NS).label("app", "web")
                .container("app", c -> c.image("nginx:1.27")).build());
        h.client.statefulSets().create(web(1).build());
        reconcile();
        assertThat(h.pod("web-0").metadata().controllerReference()).isPresent();
    }

    @Test
    void deletingTheSetDeletesItsClaimsOnlyWithWhenDeletedDelete() {
        h.client.statefulSets().create(web(1).parallel().persistentVolumeClaimRetention(
                StatefulSetPersistentVolumeClaimRetentionPolicy.DELETE,
                StatefulSetPersistentVolumeClaimRetentionPolicy.RETAIN).build());
        reconcile();
        assertThat(h.client.persistentVolumeClaims().inNamespace(NS).list()).hasSize(1);

        h.client.statefulSets().inNamespace(NS).delete("web");
        h.settle();
        assertThat(h.podNames()).isEmpty();
        assertThat(h.client.persistentVolumeClaims().inNamespace(NS).list()).isEmpty();
    }

    @Test
    void retainedClaimsOutliveTheSet() {
        h.client.statefulSets().create(web(1).parallel().build());
        reconcile();
        h.client.statefulSets().inNamespace(NS).delete("web");
        h.settle();
        assertThat(h.podNames()).isEmpty();
        assertThat(h.client.persistentVolumeClaims().inNamespace(NS).list()).extracting(c -> c.metadata().name())
                .containsExactly("data-web-0");
    }
}
