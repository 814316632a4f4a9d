package io.flotilla.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.api.core.Pod;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.FilterPlugin;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.scheduler.Scheduling;
import io.flotilla.core.sim.SimulatedRuntime;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The scheduler wired into the cluster: pods without a node are placed on the cluster's nodes and run there. */
class ClusterSchedulingTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void podsWithoutANodeAreScheduledAndRun() {
        try (Cluster cluster = Cluster.builder().id("scheduling-test")
                .node("n1", SimulatedRuntime.builder(Clock.system()).nodeName("n1").build())
                .node("n2", SimulatedRuntime.builder(Clock.system()).nodeName("n2").podCidr("10.244.1.0/24").build())
                .start()) {
            cluster.apply(Pod.named("web").container("c", c -> c.image("flotilla-test/busybox:1")));
            await().atMost(WAIT).until(() -> cluster.client().pods().get("web").filter(Pod::isReady).isPresent());
            assertThat(cluster.client().pods().get("web").orElseThrow().spec().nodeName()).isIn("n1", "n2");
        }
    }

    @Test
    void aUserPluginChangesPlacementWithoutCoreChanges() {
        FilterPlugin avoidN1 = new FilterPlugin() {
            @Override
            public String name() {
                return "AvoidN1";
            }

            @Override
            public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
                return node.name().equals("n1")
                        ? Status.unschedulable(name(), "node(s) were n1") : Status.success();
            }
        };
        try (Cluster cluster = Cluster.builder().id("plugin-test")
                .node("n1", SimulatedRuntime.builder(Clock.system()).nodeName("n1").build())
                .node("n2", SimulatedRuntime.builder(Clock.system()).nodeName("n2").podCidr("10.244.1.0/24").build())
                .schedulerPlugin("AvoidN1", (args, handle) -> avoidN1)
                .scheduling(Scheduling.spread().toBuilder().plugin("AvoidN1").build())
                .start()) {
            for (int i = 0; i < 4; i++) {
                cluster.apply(Pod.named("p" + i).container("c", c -> c.image("flotilla-test/busybox:1")));
            }
            await().atMost(WAIT).until(() -> cluster.client().pods().list().stream()
                    .filter(p -> p.spec().nodeName() != null).count() == 4);
            assertThat(cluster.client().pods().list()).extracting(p -> p.spec().nodeName()).containsOnly("n2");
        }
    }
}
