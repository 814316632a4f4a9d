package io.flotilla.core.controllers.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.core.Cluster;
import io.flotilla.core.node.NodeAgentConfig;
import io.flotilla.core.sim.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Deployment through a whole cluster: simulated nodes with their node agents, the scheduler and the built-in
 * controllers on the system clock; pods run and become ready for real (in-process).
 */
class DeploymentEndToEndTest {
    private static final LabelSelector WEB = LabelSelector.matchLabel("app", "web");

    @Test
    void rollsOutUpdatesAndUndoesOnSimulatedNodes() {
        try (Cluster cluster = Cluster.builder().simulatedNodes(3, Scenario.create(), NodeAgentConfig.defaults())
                .start()) {
            DeploymentRollout rollout = DeploymentRollout.of(cluster.client(), cluster.clock(), "default", "web");
            cluster.apply(Deployment.named("web").replicas(4).container("app", c -> c.image("nginx:1.0")));
            awaitRolledOut(cluster, rollout, "nginx:1.0");

            cluster.apply(Deployment.named("web").replicas(4).container("app", c -> c.image("nginx:1.1")));
            awaitRolledOut(cluster, rollout, "nginx:1.1");

            rollout.undo();
            awaitRolledOut(cluster, rollout, "nginx:1.0");
            assertThat(rollout.history()).extracting(RolloutRevision::revision).containsExactly(2L, 3L);
        }
    }

    private static void awaitRolledOut(Cluster cluster, DeploymentRollout rollout, String image) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(rollout.status().complete()).as(rollout.status().message()).isTrue();
            List<Pod> pods = cluster.client().pods().list(WEB).stream()
                    .filter(p -> !p.metadata().isDeleting()).toList();
            assertThat(pods).hasSize(4).allSatisfy(p -> {
                assertThat(p.spec().containers().getFirst().image()).isEqualTo(image);
                assertThat(p.isReady()).isTrue();
                assertThat(p.nodeName()).startsWith("sim-");
            });
        });
    }
}
