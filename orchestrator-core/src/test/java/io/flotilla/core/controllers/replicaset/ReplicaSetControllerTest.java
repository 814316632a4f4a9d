package io.flotilla.core.controllers.replicaset;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.admission.AdmissionDecision;
import io.flotilla.api.admission.AdmissionOperation;
import io.flotilla.api.admission.ValidatingAdmission;
import io.flotilla.api.apps.DeploymentCondition;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.apps.ReplicaSetStatus;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplicaSetControllerTest {
    private static final LabelSelector WEB = LabelSelector.matchLabel("app", "web");
    private WorkloadHarness h = new WorkloadHarness();

    @AfterEach
    void close() {
        h.close();
    }

    private static ReplicaSet web(int replicas) {
        return ReplicaSet.named("web").replicas(replicas).container("app", c -> c.image("nginx:1.27")).build();
    }

    private ReplicaSet stored() {
        return h.client.replicaSets().get("web").orElseThrow();
    }

    @Test
    void createsItsReplicasAsOwnedPodsNamedAfterIt() {
        h.client.replicaSets().create(web(3));
        h.settle();

        List<Pod> pods = h.activePods(WEB);
        assertThat(pods).hasSize(3);
        ReplicaSet rs = stored();
        for (Pod pod : pods) {
            assertThat(pod.metadata().name()).matches("web-[a-z0-9]{5}");
            assertThat(pod.metadata().controllerReference()).get().extracting(OwnerReference::uid)
                    .isEqualTo(rs.metadata().uid());
            assertThat(pod.metadata().labels()).containsEntry("app", "web");
        }
        assertThat(rs.status()).isEqualTo(new ReplicaSetStatus(3, 3, 0, 0, 1L, List.of()));
    }

    @Test
    void replacesDeletedPodsAndCountsReadyOnes() {
        h.client.replicaSets().create(web(2));
        h.settle();
        Pod victim = h.activePods(WEB).getFirst();
        h.client.pods().delete(victim.metadata().name());
        h.settle();
        assertThat(h.activePods(WEB)).hasSize(2).extracting(p -> p.metadata().name())
                .doesNotContain(victim.metadata().name());

        h.markReady(1, p -> true);
        h.settle();
        assertThat(stored().status().readyReplicas()).isEqualTo(1);
        assertThat(stored().status().availableReplicas()).isEqualTo(1);
    }

    @Test
    void adoptsMatchingOrphansAndReleasesPodsThatStopMatching() {
        Pod orphan = h.client.pods().create(Pod.named("stray").label("app", "web")
                .container("app", c -> c.image("nginx:1.27")).build());
        h.client.replicaSets().create(web(2));
        h.settle();

        ReplicaSet rs = stored();
        Pod adopted = h.client.pods().get("stray").orElseThrow();
        assertThat(adopted.metadata().controllerReference()).get().extracting(OwnerReference::uid)
                .isEqualTo(rs.metadata().uid());
        assertThat(h.activePods(WEB)).hasSize(2).extracting(p -> p.metadata().name()).contains("stray");
        assertThat(orphan.metadata().uid()).isEqualTo(adopted.metadata().uid());

        h.client.pods().update("stray", p -> p.withMetadata(p.metadata().withLabel("app", "debug")));
        h.settle();
        Pod released = h.client.pods().get("stray").orElseThrow();
        assertThat(released.metadata().ownerReferences()).isEmpty();
        assertThat(h.activePods(WEB)).hasSize(2).extracting(p -> p.metadata().name()).doesNotContain("stray");
    }

    @Test
    void leavesPodsOfOtherControllersAlone() {
        ReplicaSet other = h.client.replicaSets().create(ReplicaSet.named("other").replicas(1)
                .selector("tier", "x").podLabel("tier", "x").container("app", c -> c.image("nginx:1.27")).build());
        h.client.pods().create(Pod.named("theirs").label("app", "web").label("tier", "x")
                .ownerReference(OwnerReference.controlledBy(other))
                .container("app", c -> c.image("nginx:1.27")).build());
        h.client.replicaSets().create(web(1));
        h.settle();
        assertThat(h.activePods(WEB)).hasSize(2);
        assertThat(h.client.pods().get("theirs").orElseThrow().metadata().controllerReference().orElseThrow().uid())
                .isEqualTo(other.metadata().uid());
    }

    @Test
    void scalesDownTheLeastValuablePodsFirst() {
        h.client.replicaSets().create(web(5));
        h.settle();
        List<Pod> pods = h.activePods(WEB);
        // pods[0] stays unscheduled and pending; pods[1] is bound but pending; the rest run and are ready, one of
        // them with restarts and one ready for longer than the others.
        h.client.pods().update("default", pods.get(1).metadata().name(),
                p -> p.withSpec(p.spec().withNodeName("node-1")));
        h.markReady(pods.get(2), "node-1", 0);
        h.clock.advance(Duration.ofMinutes(5));
        h.markReady(pods.get(3), "node-2", 7);
        h.markReady(pods.get(4), "node-2", 0);
        h.settle();

        h.client.replicaSets().update("web", rs -> rs.withSpec(rs.spec().withReplicas(2)));
        h.settle();
        assertThat(h.activePods(WEB)).extracting(p -> p.metadata().name())
                .containsExactlyInAnyOrder(pods.get(2).metadata().name(), pods.get(4).metadata().name());

        h.client.replicaSets().update("web", rs -> rs.withSpec(rs.spec().withReplicas(1)));
        h.settle();
        assertThat(h.activePods(WEB)).extracting(p -> p.metadata().name())
                .containsExactly(pods.get(2).metadata().name());
    }

    @Test
    void countsPodsAvailableOnlyAfterMinReadySecondsAndRequeuesForTheRest() {
        h.client.replicaSets().create(ReplicaSet.named("web").replicas(2).minReadySeconds(10)
                .container("app", c -> c.image("nginx:1.27")).build());
        h.settle();
        h.markReady(1, p -> true);
        h.clock.advance(Duration.ofSeconds(4));
        h.markReady(1, p -> true);
        Result result = h.reconcileReplicaSet("default", "web");

        assertThat(stored().status().readyReplicas()).isEqualTo(2);
        assertThat(stored().status().availableReplicas()).isZero();
        assertThat(result).isEqualTo(Result.requeueAfter(Duration.ofSeconds(6)));

        h.clock.advance(Duration.ofSeconds(6));
        result = h.reconcileReplicaSet("default", "web");
        assertThat(stored().status().availableReplicas()).isEqualTo(1);
        assertThat(result).isEqualTo(Result.requeueAfter(Duration.ofSeconds(4)));

        h.clock.advance(Duration.ofSeconds(4));
        assertThat(h.reconcileReplicaSet("default", "web")).isEqualTo(Result.done());
        assertThat(stored().status().availableReplicas()).isEqualTo(2);
    }

    @Test
    void createsInSlowStartBatchesAndReportsReplicaFailure() {
        h.close();
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean quota = new AtomicBoolean(true);
        h = new WorkloadHarness(io.flotilla.core.controllers.hpa.PodMetricsSource.unavailable(),
                b -> b.validatingAdmission(ValidatingAdmission.of("quota", request -> {
                    if (request.operation() != AdmissionOperation.CREATE || !(request.object() instanceof Pod)) {
                        return AdmissionDecision.allow();
                    }
                    return attempts.incrementAndGet() > 3 && quota.get()
                            ? AdmissionDecision.deny("exceeded quota: pods") : AdmissionDecision.allow();
                })));
        h.client.replicaSets().create(web(10));
        h.reconcileReplicaSet("default", "web");

        // batches of 1 and 2 succeed; the batch of 4 fails entirely, and nothing more is tried.
        assertThat(h.activePods(WEB)).hasSize(3);
        assertThat(attempts).hasValue(7);
        assertThat(stored().status().conditions()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(DeploymentCondition.REPLICA_FAILURE);
            assertThat(c.reason()).isEqualTo("FailedCreate");
            assertThat(c.message()).contains("exceeded quota");
        });
        assertThat(h.flushEvents()).extracting(Event::reason).contains("SuccessfulCreate", "FailedCreate");

        quota.set(false);
        h.settle();
        assertThat(h.activePods(WEB)).hasSize(10);
        assertThat(stored().status().conditions()).isEmpty();
    }

    @Test
    void expectationsKeepAStaleCacheFromCreatingTwice() throws Exception {
        h.client.replicaSets().create(web(3));
        h.awaitCaches();
        // A reconciler over informers that stop right after syncing: its cache never sees the pods it creates.
        SharedInformerFactory frozen = SharedInformerFactory.builder(h.api).clock(h.clock).build();
        frozen.informerFor(Pod.TYPE);
        frozen.informerFor(ReplicaSet.TYPE);
        frozen.start();
        assertThat(frozen.waitForCacheSync(Duration.ofSeconds(10))).isTrue();
        Reconciler stale = ReplicaSetController.reconciler(h.context(frozen));
        frozen.close();

        stale.reconcile(Request.of("default", "web"));
        stale.reconcile(Request.of("default", "web"));
        assertThat(h.activePods(WEB)).hasSize(3);
    }

    @Test
    void aReplicaSetBeingDeletedCreatesNothing() {
        ReplicaSet rs = web(2);
        h.client.replicaSets().create(rs.withMetadata(rs.metadata().toBuilder().finalizer("test/hold").build()));
        h.client.replicaSets().delete("web");
        h.settle();
        assertThat(h.activePods(WEB)).isEmpty();
        assertThat(stored().metadata().isDeleting()).isTrue();
    }
}
