package io.flotilla.core.scheduler.plugins.nodeaffinity;

import static io.flotilla.core.scheduler.plugins.PluginFixtures.info;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.node;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.pod;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.scores;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.Affinity;
import io.flotilla.api.core.NodeAffinity;
import io.flotilla.api.core.NodeSelectorRequirement;
import io.flotilla.api.core.NodeSelectorTerm;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PreferredSchedulingTerm;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PreFilterResult;
import io.flotilla.api.scheduler.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeAffinityTest {

    private static final io.flotilla.core.scheduler.plugins.nodeaffinity.NodeAffinity PLUGIN =
            new io.flotilla.core.scheduler.plugins.nodeaffinity.NodeAffinity();

    /** A node labelled zone=a, disk=ssd, cores=8. */
    private static NodeInfo labelled() {
        return info(node("n1").toBuilder().label("zone", "a").label("disk", "ssd").label("cores", "8").build());
    }

    private static Pod required(NodeSelectorTerm... terms) {
        return pod("p").toBuilder().affinity(Affinity.of(NodeAffinity.required(terms))).build();
    }

    private static NodeSelectorRequirement req(String key, String op, String... values) {
        return new NodeSelectorRequirement(key, op, List.of(values));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no constraints", pod("p"), true),
                Arguments.of("nodeSelector matches", pod("p").toBuilder().nodeSelector("zone", "a").build(), true),
                Arguments.of("nodeSelector differs", pod("p").toBuilder().nodeSelector("zone", "b").build(), false),
                Arguments.of("nodeSelector label missing", pod("p").toBuilder().nodeSelector("gpu", "yes").build(),
                        false),
                Arguments.of("In", required(NodeSelectorTerm.of(req("zone", "In", "a", "b"))), true),
                Arguments.of("In, no value matches", required(NodeSelectorTerm.of(req("zone", "In", "b"))), false),
                Arguments.of("NotIn", required(NodeSelectorTerm.of(req("zone", "NotIn", "b"))), true),
                Arguments.of("NotIn of the node's value", required(NodeSelectorTerm.of(req("zone", "NotIn", "a"))),
                        false),
                Arguments.of("NotIn of a missing label", required(NodeSelectorTerm.of(req("gpu", "NotIn", "x"))), true),
                Arguments.of("Exists", required(NodeSelectorTerm.of(req("disk", "Exists"))), true),
                Arguments.of("DoesNotExist", required(NodeSelectorTerm.of(req("disk", "DoesNotExist"))), false),
                Arguments.of("Gt", required(NodeSelectorTerm.of(req("cores", "Gt", "4"))), true),
                Arguments.of("Gt, equal is not greater", required(NodeSelectorTerm.of(req("cores", "Gt", "8"))), false),
                Arguments.of("Lt", required(NodeSelectorTerm.of(req("cores", "Lt", "16"))), true),
                Arguments.of("Lt on a non-number", required(NodeSelectorTerm.of(req("zone", "Lt", "16"))), false),
                Arguments.of("requirements of a term are ANDed",
                        required(NodeSelectorTerm.of(req("zone", "In", "a"), req("disk", "In", "hdd"))), false),
                Arguments.of("terms are ORed", required(NodeSelectorTerm.of(req("zone", "In", "b")),
                        NodeSelectorTerm.of(req("disk", "In", "ssd"))), true),
                Arguments.of("an empty term matches nothing", required(NodeSelectorTerm.of()), false),
                Arguments.of("matchFields metadata.name", required(new NodeSelectorTerm(List.of(),
                        List.of(req("metadata.name", "In", "n1")))), true),
                Arguments.of("nodeSelector and affinity must both hold",
                        required(NodeSelectorTerm.of(req("zone", "In", "a"))).toBuilder().nodeSelector("disk", "hdd")
                                .build(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filter(String name, Pod pod, boolean fits) {
        NodeInfo n = labelled();
        Status s = io.flotilla.core.scheduler.plugins.PluginFixtures.filter(PLUGIN, new CycleState(), pod, n,
                List.of(n));
        if (fits) {
            assertThat(s.isSuccess()).as(s.toString()).isTrue();
        } else {
            assertThat(s.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
            assertThat(s.reasons()).containsExactly("node(s) didn't match Pod's node affinity/selector");
        }
    }

    @Test
    void preFilterSkipsPodsWithoutConstraints() {
        assertThat(PLUGIN.preFilter(new CycleState(), PodInfo.of(pod("p")), List.of()).status().isSkip()).isTrue();
    }

    @Test
    void preFilterNarrowsToPinnedNodeNames() {
        NodeSelectorTerm t1 = new NodeSelectorTerm(List.of(), List.of(req("metadata.name", "In", "n1", "n2")));
        NodeSelectorTerm t2 = new NodeSelectorTerm(List.of(), List.of(req("metadata.name", "In", "n3")));
        PreFilterResult r = PLUGIN.preFilter(new CycleState(), PodInfo.of(required(t1, t2)), List.of());
        assertThat(r.nodeNames()).isEqualTo(Set.of("n1", "n2", "n3"));

        NodeSelectorTerm conflicting = new NodeSelectorTerm(List.of(),
                List.of(req("metadata.name", "In", "n1"), req("metadata.name", "In", "n2")));
        assertThat(PLUGIN.preFilter(new CycleState(), PodInfo.of(required(conflicting)), List.of()).status().reasons())
                .containsExactly("pod affinity terms conflict");

        // A term that does not pin names leaves every node a candidate.
        assertThat(PLUGIN.preFilter(new CycleState(), PodInfo.of(required(t1, NodeSelectorTerm.of(
                req("zone", "In", "a")))), List.of()).allNodes()).isTrue();
    }

    @Test
    void scoreSumsMatchingPreferredWeightsNormalizedToHundred() {
        Pod p = pod("p").toBuilder().affinity(Affinity.of(new NodeAffinity(null, List.of(
                new PreferredSchedulingTerm(80, NodeSelectorTerm.of(req("zone", "In", "a"))),
                new PreferredSchedulingTerm(20, NodeSelectorTerm.of(req("disk", "In", "ssd"))))))).build();
        List<NodeInfo> nodes = List.of(
                info(node("both").toBuilder().label("zone", "a").label("disk", "ssd").build()),
                info(node("zone").toBuilder().label("zone", "a").build()),
                info(node("disk").toBuilder().label("disk", "ssd").build()),
                info(node("none")));
        assertThat(scores(PLUGIN, p, nodes)).containsExactly(Map.entry("both", 100L), Map.entry("zone", 80L),
                Map.entry("disk", 20L), Map.entry("none", 0L));
    }

    @Test
    void podsWithoutPreferredTermsSkipScoring() {
        assertThat(PLUGIN.preScore(new CycleState(), PodInfo.of(pod("p")), List.of()).isSkip()).isTrue();
    }
}
