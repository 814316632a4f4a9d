package io.flotilla.core.controllers.statefulset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.core.Cluster;
import io.flotilla.core.controllers.volume.VolumeController;
import io.flotilla.core.sim.SimulatedRuntime;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * End to end through {@link Cluster}: the registered StatefulSet controller, the PersistentVolume binder, the
 * scheduler and a node agent on the simulated runtime bring up a StatefulSet with its claims bound. The exact
 * creation order is asserted step by step in {@code StatefulSetReconcilerTest}.
 */
class StatefulSetClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final VirtualClock clock = VirtualClock.create();
    private final Cluster cluster = Cluster.builder().id("sts-e2e").clock(clock)
            .node("n1", SimulatedRuntime.builder(clock).nodeName("n1").build()).start();

    @AfterEach
    void close() {
        cluster.close();
    }

    private Optional<Pod> pod(String name) {
        return cluster.client().pods().inNamespace("default").get(name);
    }

    @Test
    void startsPodsWithTheirOwnBoundClaims() {
        cluster.apply(StatefulSet.named("db").serviceName("db").replicas(3).podLabel("app", "db")
                .selector("app", "db").container("db", c -> c.image("postgres:16"))
                .volumeClaimTemplate("data", pvc -> pvc.readWriteOnce().storage("1Gi")));

        for (int i = 0; i < 3; i++) {
            String name = "db-" + i;
            // virtual time moves a second per poll, so the scheduler's backoff and the agent's timers can fire
            await().atMost(WAIT).until(() -> {
                clock.advance(Duration.ofSeconds(1));
                return pod(name).map(Pod::isReady).orElse(false);
            });
            assertThat(pod(name).orElseThrow().spec().nodeName()).as("bound by the cluster's scheduler").isEqualTo("n1");
        }
        await().atMost(WAIT).until(() -> {
            StatefulSet set = cluster.client().statefulSets().inNamespace("default").get("db").orElseThrow();
            return set.status() != null && Integer.valueOf(3).equals(set.status().readyReplicas());
        });
        await().atMost(WAIT).until(() -> cluster.client().persistentVolumeClaims().inNamespace("default").list()
                .stream().filter(PersistentVolumeClaim::isBound).count() == 3);
        assertThat(cluster.client().storageClasses().get(VolumeController.DEFAULT_CLASS)).isPresent();
    }
}
