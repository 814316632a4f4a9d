package io.flotilla.core.scheduler.plugins.podtopologyspread;

import static io.flotilla.core.scheduler.plugins.PluginFixtures.ZONE;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.info;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.labeled;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.node;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.pod;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.scores;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.zonedNode;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.TopologySpreadConstraint;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PluginArgs;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.core.scheduler.plugins.PluginFixtures.FakeHandle;
import io.flotilla.core.scheduler.table.NodeTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scores with counts kept across cycles equal those of a plugin that counts everything afresh. */
class ScoreCountsTest {

    private static final ReplicaSet RS = ReplicaSet.named("web-1").namespace("default").selector("app", "web")
            .podLabel("app", "web").container("app", c -> c.image("nginx")).build();

    private static Pod member(String name) {
        return labeled(pod(name), "app", "web").toBuilder().ownerReference(OwnerReference.controlledBy(RS)).build();
    }

    private static Map<String, Long> fresh(Pod pod, List<NodeInfo> nodes, List<NodeInfo> feasible) {
        FakeHandle handle = new FakeHandle().nodes(nodes).objects(RS);
        return scores(new PodTopologySpread(PluginArgs.EMPTY, handle), pod, feasible);
    }

    @Test
    void systemDefaultsScoreAsIfCountedAfreshAfterEveryChange() {
        List<NodeInfo> nodes = new ArrayList<>(List.of(info(zonedNode("a1", "a"), member("m1")),
                info(zonedNode("a2", "a")), info(zonedNode("b1", "b"), member("m2"), pod("other")),
                info(node("bare"))));
        FakeHandle handle = new FakeHandle().nodes(nodes).objects(RS);
        PodTopologySpread plugin = new PodTopologySpread(PluginArgs.EMPTY, handle);
        Pod incoming = member("new");
        assertThat(scores(plugin, incoming, nodes)).isEqualTo(fresh(incoming, nodes, nodes));

        for (int step = 0; step < 6; step++) {
            int target = step % nodes.size();
            nodes.set(target, nodes.get(target).withPod(PodInfo.of(member("s" + step))));
            if (step == 3) {
                nodes.set(2, nodes.get(2).withoutPod(PodInfo.of(member("m2")).id()));
            }
            handle.nodes(nodes);
            List<NodeInfo> feasible = step % 2 == 0 ? nodes : nodes.subList(1, 3);
            Map<String, Long> cached = scores(plugin, incoming, feasible);
            assertThat(cached).as("step %d", step).isEqualTo(fresh(incoming, nodes, feasible));
        }
    }

    @Test
    void nodesLeavingAndJoiningAreCountedAgain() {
        LabelSelector web = LabelSelector.matchLabel("app", "web");
        Pod incoming = member("new").toBuilder()
                .topologySpread(new TopologySpreadConstraint(1, ZONE, "ScheduleAnyway", web, null))
                .build();
        List<NodeInfo> nodes = new ArrayList<>(List.of(info(zonedNode("a1", "a"), member("m1"), member("m2")),
                info(zonedNode("b1", "b")), info(zonedNode("c1", "c"), member("m3"))));
        FakeHandle handle = new FakeHandle().nodes(nodes).objects(RS);
        PodTopologySpread plugin = new PodTopologySpread(PluginArgs.EMPTY, handle);
        assertThat(scores(plugin, incoming, nodes)).isEqualTo(fresh(incoming, nodes, nodes));

        nodes.remove(0);
        handle.nodes(nodes);
        assertThat(scores(plugin, incoming, nodes)).isEqualTo(fresh(incoming, nodes, nodes));

        nodes.add(0, info(zonedNode("b2", "b"), member("m4"), member("m5")));
        handle.nodes(nodes);
        Map<String, Long> cached = scores(plugin, incoming, nodes);
        assertThat(cached).isEqualTo(fresh(incoming, nodes, nodes));
        assertThat(cached.get("c1")).isGreaterThan(cached.get("b1"));
    }

    @Test
    void tableScoresEqualNodeByNodeScores() {
        List<NodeInfo> nodes = new ArrayList<>(List.of(info(zonedNode("a1", "a"), member("m1"), member("m2")),
                info(zonedNode("a2", "a"), member("m3")), info(zonedNode("b1", "b")), info(node("bare"))));
        FakeHandle handle = new FakeHandle().nodes(nodes).objects(RS);
        PodTopologySpread plugin = new PodTopologySpread(PluginArgs.EMPTY, handle);
        NodeTable table = new NodeTable();
        table.reset(nodes.toArray(NodeInfo[]::new));
        PodInfo incoming = PodInfo.of(member("new"));
        CycleState state = new CycleState();
        List<NodeInfo> feasible = List.of(nodes.get(3), nodes.get(0), nodes.get(2));
        assertThat(plugin.preScore(state, incoming, feasible).isSuccess()).isTrue();

        long[] out = new long[3];
        assertThat(plugin.scoreTable(state, incoming, table, new int[] {3, 0, 2}, 3, out)).isTrue();
        long[] oneByOne = feasible.stream().mapToLong(n -> plugin.score(state, incoming, n)).toArray();
        assertThat(out).containsExactly(oneByOne);
        assertThat(out[1]).as("the fullest node scores highest before normalization").isGreaterThan(out[2]);
    }
}
