package io.flotilla.examples.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.Cluster;
import io.flotilla.core.node.NodeAgentConfig;
import io.flotilla.core.sim.Scenario;
import io.flotilla.core.sim.SimBehavior;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** On simulated nodes, the update replaces every replica without ever having fewer than three Ready. */
class ZeroDowntimeRolloutTest {

    @Test
    void neverFewerReadyReplicasThanWanted() {
        Scenario scenario = Scenario.create().forContainer("hello", SimBehavior.runsForever()
                .startLatency(Duration.ofMillis(300)).serves(8080, "/", 200, "hello"));
        try (Cluster cluster = Cluster.builder().id("rollout-test")
                .simulatedNodes(2, scenario, NodeAgentConfig.defaults()).start()) {
            ZeroDowntimeRollout.deploy(cluster, "v1", Duration.ofSeconds(30));
            ZeroDowntimeRollout.Outcome outcome = ZeroDowntimeRollout.update(cluster, "v2", false,
                    Duration.ofSeconds(60));

            assertThat(outcome.fewestReady()).isEqualTo(ZeroDowntimeRollout.REPLICAS);
        }
    }
}
