package io.flotilla.examples.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.Cluster;
import io.flotilla.core.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The user plugin keeps replicas off the node under maintenance; without it, the default spread uses that node. */
class CustomSchedulerPluginTest {

    @Test
    void replicasAvoidTheNodeUnderMaintenance() {
        try (Cluster cluster = CustomSchedulerPlugin.cluster(Clock.system(), true)) {
            Map<String, Long> placement = CustomSchedulerPlugin.placeReplicas(cluster, 6);

            assertThat(placement).doesNotContainKey("rack-b").containsOnlyKeys("rack-a", "rack-c");
            assertThat(placement.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(6);
        }
    }

    @Test
    void withoutThePluginTheDefaultSpreadUsesEveryNode() {
        try (Cluster cluster = CustomSchedulerPlugin.cluster(Clock.system(), false)) {
            assertThat(CustomSchedulerPlugin.placeReplicas(cluster, 6)).containsOnlyKeys(CustomSchedulerPlugin.NODES);
        }
    }
}
