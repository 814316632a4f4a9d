package io.flotilla.core.scheduler.plugins.interpodaffinity;

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

import io.flotilla.api.core.Affinity;
import io.flotilla.api.core.Namespace;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodAffinity;
import io.flotilla.api.core.PodAffinityTerm;
import io.flotilla.api.core.PodAntiAffinity;
import io.flotilla.api.core.WeightedPodAffinityTerm;
import io.flotilla.api.meta.LabelSelector;
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

class InterPodAffinityTest {

    private static PodAffinityTerm term(String app, String topologyKey) {
        return PodAffinityTerm.of(LabelSelector.matchLabel("app", app), topologyKey);
    }

    private static Pod withAffinity(Pod pod, PodAffinity affinity, PodAntiAffinity anti) {
        return pod.toBuilder().affinity(new Affinity(null, affinity, anti)).build();
    }

    private static Pod requiresAffinity(Pod pod, PodAffinityTerm t) {
        return withAffinity(pod, new PodAffinity(List.of(t), List.of()), null);
    }

    private static Pod requiresAnti(Pod pod, PodAffinityTerm t) {
        return withAffinity(pod, null, PodAntiAffinity.required(t));
    }

    /** Runs PreFilter once and Filter on every node; node name → status. */
    private static Map<String, Status> filterAll(Pod pod, List<NodeInfo> nodes, FakeHandle handle) {
        InterPodAffinity plugin = new InterPodAffinity(PluginArgs.EMPTY, handle.nodes(nodes));
        CycleState state = new CycleState();
        Map<String, Status> out = new LinkedHashMap<>();
        for (NodeInfo n : nodes) {
            out.put(n.name(), filter(plugin, state, pod, n, nodes));
        }
        return out;
    }

    private static Map<String, Status> filterAll(Pod pod, List<NodeInfo> nodes) {
        return filterAll(pod, nodes, new FakeHandle());
    }

    /** n1, n2 in zone a (a db pod on n1), n3 in zone b. */
    private static List<NodeInfo> cluster(Pod onN1) {
        return List.of(info(zonedNode("n1", "a"), onN1), info(zonedNode("n2", "a")), info(zonedNode("n3", "b")));
    }

    @Test
    void requiredAffinityAllowsOnlyTheDomainOfAMatchingPod() {
        Map<String, Status> s = filterAll(requiresAffinity(pod("web"), term("db", ZONE)),
                cluster(labeled(pod("db"), "app", "db")));
        assertThat(s.get("n1").isSuccess()).isTrue();
        assertThat(s.get("n2").isSuccess()).isTrue();
        assertThat(s.get("n3").code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
        assertThat(s.get("n3").reasons()).containsExactly("node(s) didn't match pod affinity rules");
    }

    @Test
    void firstPodOfASelfAffineGroupMayGoWhereTheTopologyKeyExists() {
        Pod web = requiresAffinity(labeled(pod("web"), "app", "web"), term("web", ZONE));
        List<NodeInfo> nodes = List.of(info(zonedNode("n1", "a")), info(node("nozone")));
        Map<String, Status> s = filterAll(web, nodes);
        assertThat(s.get("n1").isSuccess()).isTrue();
        assertThat(s.get("nozone").reasons()).containsExactly("node(s) didn't match pod affinity rules");
        // Without matching its own terms the pod has nowhere to go.
        Pod other = requiresAffinity(pod("other"), term("web", ZONE));
        assertThat(filterAll(other, nodes).get("n1").isSuccess()).isFalse();
    }

    @Test
    void requiredAntiAffinityKeepsThePodOutOfTheDomain() {
        Map<String, Status> s = filterAll(requiresAnti(pod("web"), term("db", HOSTNAME)),
                cluster(labeled(pod("db"), "app", "db")));
        assertThat(s.get("n1").code()).isEqualTo(Status.Code.UNSCHEDULABLE);
        assertThat(s.get("n1").reasons()).containsExactly("node(s) didn't match pod anti-affinity rules");
        assertThat(s.get("n2").isSuccess()).isTrue();
        assertThat(s.get("n3").isSuccess()).isTrue();
    }

    @Test
    void existingPodsAntiAffinityIsSymmetric() {
        Pod guard = requiresAnti(labeled(pod("guard"), "app", "guard"), term("web", ZONE));
        Map<String, Status> s = filterAll(labeled(pod("web"), "app", "web"), cluster(guard));
        assertThat(s.get("n1").reasons()).containsExactly("node(s) didn't satisfy existing pods anti-affinity rules");
        assertThat(s.get("n2").reasons()).containsExactly("node(s) didn't satisfy existing pods anti-affinity rules");
        assertThat(s.get("n3").isSuccess()).isTrue();
        // A pod the guard's selector does not match is unaffected.
        assertThat(filterAll(labeled(pod("api"), "app", "api"), cluster(guard)).get("n1").isSuccess()).isTrue();
    }

    @Test
    void termsDefaultToThePodsNamespaceAndNamespaceSelectorsWiden() {
        Pod dbElsewhere = labeled(pod("db"), "app", "db").toBuilder().namespace("data").build();
        Pod sameNs = requiresAffinity(pod("web"), term("db", ZONE));
        assertThat(filterAll(sameNs, cluster(dbElsewhere)).get("n1").isSuccess()).isFalse();

        PodAffinityTerm anyNamespace = new PodAffinityTerm(LabelSelector.matchLabel("app", "db"), List.of(), ZONE,
                LabelSelector.everything());
        FakeHandle handle = new FakeHandle().objects(Namespace.named("default").build(), Namespace.named("data")
                .build());
        Map<String, Status> s = filterAll(requiresAffinity(pod("web"), anyNamespace), cluster(dbElsewhere), handle);
        assertThat(s.get("n2").isSuccess()).isTrue();
        assertThat(s.get("n3").isSuccess()).isFalse();
    }

    @Test
    void preemptionHooksUpdateTheCounts() {
        Pod db = labeled(pod("db"), "app", "db");
        List<NodeInfo> nodes = cluster(db);
        Pod web = requiresAnti(pod("web"), term("db", HOSTNAME));
        InterPodAffinity plugin = new InterPodAffinity(PluginArgs.EMPTY, new FakeHandle().nodes(nodes));
        CycleState state = new CycleState();
        PodInfo webInfo = PodInfo.of(web);
        plugin.preFilter(state, webInfo, nodes);
        CycleState sim = state.copy();
        NodeInfo n1 = nodes.get(0);
        PodInfo dbInfo = n1.pods().get(0);
        plugin.removePod(sim, webInfo, dbInfo, n1.withoutPod(dbInfo.id()));
        assertThat(plugin.filter(sim, webInfo, n1.withoutPod(dbInfo.id())).isSuccess()).isTrue();
        // The original state is untouched by the simulation.
        assertThat(plugin.filter(state, webInfo, n1).isSuccess()).isFalse();
    }

    @Test
    void preFilterSkipsWhenNothingIsRequiredAnywhere() {
        InterPodAffinity plugin = new InterPodAffinity(PluginArgs.EMPTY, new FakeHandle().nodes(cluster(pod("x"))));
        assertThat(plugin.preFilter(new CycleState(), PodInfo.of(pod("p")), List.of()).status().isSkip()).isTrue();
    }

    @Test
    void scoresPreferredAffinityAndAntiAffinityPerDomain() {
        List<NodeInfo> nodes = cluster(labeled(pod("db"), "app", "db"));
        FakeHandle handle = new FakeHandle().nodes(nodes);
        Pod near = withAffinity(pod("web"), new PodAffinity(List.of(),
                List.of(new WeightedPodAffinityTerm(10, term("db", ZONE)))), null);
        assertThat(scores(new InterPodAffinity(PluginArgs.EMPTY, handle), near, nodes))
                .containsExactly(Map.entry("n1", 100L), Map.entry("n2", 100L), Map.entry("n3", 0L));
        Pod far = withAffinity(pod("web"), null, new PodAntiAffinity(List.of(),
                List.of(new WeightedPodAffinityTerm(10, term("db", ZONE)))));
        assertThat(scores(new InterPodAffinity(PluginArgs.EMPTY, handle), far, nodes))
                .containsExactly(Map.entry("n1", 0L), Map.entry("n2", 0L), Map.entry("n3", 100L));
    }

    @Test
    void existingPodsTermsTowardsTheIncomingPodScoreToo() {
        // The existing pod requires affinity to app=web per hostname: hardPodAffinityWeight pulls web to n1.
        Pod lover = requiresAffinity(pod("lover"), term("web", HOSTNAME));
        List<NodeInfo> nodes = cluster(lover);
        Pod web = labeled(pod("web"), "app", "web");
        assertThat(scores(new InterPodAffinity(PluginArgs.EMPTY, new FakeHandle().nodes(nodes)), web, nodes))
                .containsExactly(Map.entry("n1", 100L), Map.entry("n2", 0L), Map.entry("n3", 0L));
        assertThat(scores(new InterPodAffinity(PluginArgs.of("hardPodAffinityWeight", 0),
                new FakeHandle().nodes(nodes)), web, nodes)).containsOnly(Map.entry("n1", 0L), Map.entry("n2", 0L),
                Map.entry("n3", 0L));
    }
}
