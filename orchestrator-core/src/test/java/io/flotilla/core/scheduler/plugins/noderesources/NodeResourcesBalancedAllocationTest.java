package io.flotilla.core.scheduler.plugins.noderesources;

import static io.flotilla.core.scheduler.plugins.PluginFixtures.info;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.node;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.pod;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.scores;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PluginArgs;
import io.flotilla.api.scheduler.PodInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeResourcesBalancedAllocationTest {

    private final NodeResourcesBalancedAllocation plugin = new NodeResourcesBalancedAllocation(PluginArgs.EMPTY);

    @Test
    void prefersNodesWhereCpuAndMemoryStayInProportion() {
        // 4 cpu / 8Gi nodes. Pod 1 cpu + 4Gi: on "empty" fractions 0.25 / 0.5 -> std 0.125 -> 87;
        // on "cpuHeavy" (1 cpu already used) 0.5 / 0.5 -> 100.
        List<NodeInfo> nodes = List.of(info(node("empty")), info(node("cpuHeavy"), pod("e", "1", null)));
        assertThat(scores(plugin, pod("p", "1", "4Gi"), nodes)).containsExactly(Map.entry("empty", 87L),
                Map.entry("cpuHeavy", 100L));
    }

    @Test
    void fractionsAreCappedAtOne() {
        // cpu 6/4 -> 1.0, memory 4/8 -> 0.5: std 0.25 -> 75.
        assertThat(scores(plugin, pod("p", "6", "4Gi"), List.of(info(node("n1"))))).containsEntry("n1", 75L);
    }

    @Test
    void skipsBestEffortPods() {
        assertThat(plugin.preScore(new CycleState(), PodInfo.of(pod("p")), List.of(info(node("n1")))).isSkip())
                .isTrue();
    }
}
