package io.flotilla.core.scheduler.plugins.podtopologyspread;

import static io.flotilla.core.scheduler.plugins.PluginFixtures.HOSTNAME;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.ZONE;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.filter;
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
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.scheduler.plugins.PluginFixtures.FakeHandle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodTopologySpreadTest {

    private static final LabelSelector FOO = LabelSelector.matchLabel("foo", "bar");

    private static Pod foo(String name) {
        return labeled(pod(name), "foo", "bar");
    }

    private static Pod spread(Pod pod, TopologySpreadConstraint... constraints) {
        Pod.Builder b = pod.toBuilder();
        for (TopologySpreadConstraint c : constraints) {
            b.topologySpread(c);
        }
        return b.build();
    }

    private static Map<String, Status> filterAll(Pod pod, List<NodeInfo> nodes) {
        PodTopologySpread plugin = new PodTopologySpread(PluginArgs.EMPTY, new FakeHandle().nodes(nodes));
        Map<String, Status> out = new LinkedHashMap<>();
        for (NodeInfo n : nodes) {
            out.put(n.name(), filter(plugin, new CycleState(), pod, n, nodes));
        }
        return out;
    }

    private static List<String> feasible(Map<String, Status> statuses) {
        return statuses.entrySet().stream().filter(e -> e.getValue().isSuccess()).map(Map.Entry::getKey).toList();
    }

    /** The Kubernetes docs' cluster: zoneA = node1, node2; zoneB = node3, node4; foo=bar pods on node1..node3. */
    private static List<NodeInfo> docsCluster() {
        return List.of(info(zonedNode("node1", "zoneA"), foo("p1")), info(zonedNode("node2", "zoneA"), foo("p2")),
                info(zonedNode("node3", "zoneB"), foo("p3")), info(zonedNode("node4", "zoneB")));
    }

    @Test
    void docsExampleOneConstraintSendsThePodToZoneB() {
        Map<String, Status> s = filterAll(spread(foo("new"), TopologySpreadConstraint.of(1, ZONE, FOO)),
                docsCluster());
        assertThat(feasible(s)).containsExactly("node3", "node4");
        assertThat(s.get("node1").code()).isEqualTo(Status.Code.UNSCHEDULABLE);
        assertThat(s.get("node1").reasons()).containsExactly("node(s) didn't match pod topology spread constraints");
    }

    @Test
    void docsExampleTwoConstraintsLeaveOnlyNode4() {
        Pod p = spread(foo("new"), TopologySpreadConstraint.of(1, ZONE, FOO),
                TopologySpreadConstraint.of(1, HOSTNAME, FOO));
        assertThat(feasible(filterAll(p, docsCluster()))).containsExactly("node4");
    }

    @Test
    void largerMaxSkewAllowsMore() {
        assertThat(feasible(filterAll(spread(foo("new"), TopologySpreadConstraint.of(2, ZONE, FOO)), docsCluster())))
                .containsExactly("node1", "node2", "node3", "node4");
    }

    @Test
    void podsThatDoNotMatchTheirOwnSelectorDoNotCountThemselves() {
        // Without self-match, zoneA's skew is 2 + 0 - 1 = 1.
        assertThat(feasible(filterAll(spread(pod("new"), TopologySpreadConstraint.of(1, ZONE, FOO)), docsCluster())))
                .containsExactly("node1", "node2", "node3", "node4");
    }

    @Test
    void onlyMatchingPodsOfTheSameNamespaceCount() {
        List<NodeInfo> nodes = List.of(
                info(zonedNode("a1", "a"), foo("p1"), labeled(pod("x"), "foo", "other"),
                        foo("elsewhere").toBuilder().namespace("other").build()),
                info(zonedNode("b1", "b"), foo("p2")));
        assertThat(feasible(filterAll(spread(foo("new"), TopologySpreadConstraint.of(1, ZONE, FOO)), nodes)))
                .containsExactly("a1", "b1");
    }

    @Test
    void minDomainsTreatsTheGlobalMinimumAsZeroBelowTheCount() {
        List<NodeInfo> nodes = List.of(info(zonedNode("a1", "a"), foo("p1")), info(zonedNode("b1", "b"), foo("p2")));
        TopologySpreadConstraint two = new TopologySpreadConstraint(1, ZONE, "DoNotSchedule", FOO, 2);
        TopologySpreadConstraint three = new TopologySpreadConstraint(1, ZONE, "DoNotSchedule", FOO, 3);
        assertThat(feasible(filterAll(spread(foo("new"), two), nodes))).containsExactly("a1", "b1");
        assertThat(feasible(filterAll(spread(foo("new"), three), nodes))).isEmpty();
    }

    @Test
    void nodesWithoutTheTopologyKeyAreUnresolvable() {
        List<NodeInfo> nodes = List.of(info(zonedNode("a1", "a")), info(node("bare")));
        Status s = filterAll(spread(foo("new"), TopologySpreadConstraint.of(1, ZONE, FOO)), nodes).get("bare");
        assertThat(s.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
        assertThat(s.reasons())
                .containsExactly("node(s) didn't match pod topology spread constraints (missing required label)");
    }

    @Test
    void nodesOutsideThePodsNodeAffinityDoNotFormDomains() {
        // Zone c is empty but excluded by the node selector, so the minimum stays 1 and zone a remains allowed.
        List<NodeInfo> nodes = List.of(
                info(zonedNode("a1", "a").toBuilder().label("pool", "web").build(), foo("p1")),
                info(zonedNode("b1", "b").toBuilder().label("pool", "web").build(), foo("p2")),
                info(zonedNode("c1", "c")));
        Pod p = spread(foo("new"), TopologySpreadConstraint.of(1, ZONE, FOO)).toBuilder().nodeSelector("pool", "web")
                .build();
        Map<String, Status> s = filterAll(p, nodes);
        assertThat(s.get("a1").isSuccess()).isTrue();
        assertThat(s.get("b1").isSuccess()).isTrue();
    }

    @Test
    void preemptionHooksUpdateTheCounts() {
        List<NodeInfo> nodes = docsCluster();
        PodTopologySpread plugin = new PodTopologySpread(PluginArgs.EMPTY, new FakeHandle().nodes(nodes));
        PodInfo p = PodInfo.of(spread(foo("new"), TopologySpreadConstraint.of(1, ZONE, FOO)));
        CycleState state = new CycleState();
        plugin.preFilter(state, p, nodes);
        CycleState sim = state.copy();
        NodeInfo node1 = nodes.get(0);
        plugin.removePod(sim, p, node1.pods().get(0), node1.withoutPod(node1.pods().get(0).id()));
        assertThat(plugin.filter(sim, p, node1).isSuccess()).isTrue();
        assertThat(plugin.filter(state, p, node1).isSuccess()).isFalse();
    }

    @Test
    void scheduleAnywayScoresEmptierDomainsHigher() {
        List<NodeInfo> nodes = List.of(info(zonedNode("a1", "a"), foo("p1"), foo("p2")), info(zonedNode("b1", "b")),
                info(zonedNode("c1", "c"), foo("p3")));
        Pod p = spread(foo("new"), new TopologySpreadConstraint(1, ZONE, "ScheduleAnyway", FOO, null));
        PodTopologySpread plugin = new PodTopologySpread(PluginArgs.EMPTY, new FakeHandle().nodes(nodes));
        // weight log(3 + 2) = 1.609: raw a = 3, b = 0, c = 2; normalized 100 * (3 + 0 - raw) / 3.
        assertThat(scores(plugin, p, nodes)).containsExactly(Map.entry("a1", 0L), Map.entry("b1", 100L),
                Map.entry("c1", 33L));
        // ScheduleAnyway constraints never filter.
        assertThat(plugin.preFilter(new CycleState(), PodInfo.of(p), nodes).status().isSkip()).isTrue();
    }

    @Test
    void systemDefaultsSpreadPodsOfTheSameReplicaSet() {
        ReplicaSet rs = ReplicaSet.named("web-1").namespace("default").selector("app", "web").podLabel("app", "web")
                .container("app", c -> c.image("nginx")).build();
        Pod member = labeled(pod("m"), "app", "web").toBuilder().ownerReference(OwnerReference.controlledBy(rs))
                .build();
        List<NodeInfo> nodes = List.of(info(zonedNode("a1", "a"), member, member.toBuilder().metadata(m ->
                m.name("m2")).build()), info(zonedNode("a2", "a")), info(zonedNode("b1", "b")));
        FakeHandle handle = new FakeHandle().nodes(nodes).objects(rs);
        Map<String, Long> s = scores(new PodTopologySpread(PluginArgs.EMPTY, handle), member, nodes);
        assertThat(s.get("b1")).isGreaterThan(s.get("a2"));
        assertThat(s.get("a2")).isGreaterThan(s.get("a1"));
        // A pod without owner or service gets no default spreading.
        assertThat(new PodTopologySpread(PluginArgs.EMPTY, handle).preScore(new CycleState(), PodInfo.of(pod("x")),
                nodes).isSkip()).isTrue();
    }
}
