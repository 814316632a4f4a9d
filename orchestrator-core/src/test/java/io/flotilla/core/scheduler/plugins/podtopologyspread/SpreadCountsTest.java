package io.flotilla.core.scheduler.plugins.podtopologyspread;

import static io.flotilla.core.scheduler.plugins.PluginFixtures.ZONE;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.info;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.labeled;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.pod;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.zonedNode;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PodInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpreadCountsTest {

    private final SpreadCounts counts = new SpreadCounts(
            List.of(new Constraint(1, ZONE, LabelSelector.matchLabel("foo", "bar"), 1)), "default");

    @Test
    void recountsOnlyChangedNodesAndKeepsTotalsExact() {
        List<NodeInfo> nodes = new ArrayList<>(List.of(
                info(zonedNode("n1", "a"), labeled(pod("p1"), "foo", "bar")),
                info(zonedNode("n2", "a")),
                info(zonedNode("n3", "b"), labeled(pod("p3"), "foo", "bar"), pod("other"))));
        assertThat(counts.counts(nodes).get(0)).isEqualTo(Map.of("a", 1, "b", 1));

        nodes.set(1, nodes.get(1).withPod(PodInfo.of(labeled(pod("p2"), "foo", "bar"))));
        assertThat(counts.counts(nodes).get(0)).isEqualTo(Map.of("a", 2, "b", 1));

        nodes.set(2, nodes.get(2).withoutPod(PodInfo.of(labeled(pod("p3"), "foo", "bar")).id()));
        assertThat(counts.counts(nodes).get(0)).isEqualTo(Map.of("a", 2, "b", 0));
    }

    @Test
    void aDomainWithoutEligibleNodesDisappears() {
        List<NodeInfo> nodes = new ArrayList<>(List.of(info(zonedNode("n1", "a")), info(zonedNode("n2", "b"))));
        assertThat(counts.counts(nodes).get(0)).containsOnlyKeys("a", "b");
        nodes.set(1, info(zonedNode("n2", "a")));
        assertThat(counts.counts(nodes).get(0)).isEqualTo(Map.of("a", 0));
        // a different node list (size) starts over
        assertThat(counts.counts(List.of(info(zonedNode("n9", "c")))).get(0)).isEqualTo(Map.of("c", 0));
    }

    @Test
    void theReturnedMapsAreCopies() {
        List<NodeInfo> nodes = List.of(info(zonedNode("n1", "a")));
        counts.counts(nodes).get(0).put("a", 42);
        assertThat(counts.counts(nodes).get(0)).isEqualTo(Map.of("a", 0));
    }
}
