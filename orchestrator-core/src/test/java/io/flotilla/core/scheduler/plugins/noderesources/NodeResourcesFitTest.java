package io.flotilla.core.scheduler.plugins.noderesources;

import static io.flotilla.core.scheduler.plugins.PluginFixtures.info;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.node;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.pod;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PluginArgs;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.Status;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeResourcesFitTest {

    private static final NodeResourcesFit LEAST = new NodeResourcesFit(PluginArgs.EMPTY);
    private static final NodeResourcesFit MOST = new NodeResourcesFit(
            PluginArgs.of("scoringStrategy", Map.of("type", "MostAllocated")));

    /** 4 cpu, 8Gi, with a pod using 1 cpu and 2Gi. */
    private static NodeInfo halfFree() {
        return info(node("n1", "4", "8Gi"), pod("existing", "1", "2Gi"));
    }

    private static Pod withInit(String initCpu, String... appCpus) {
        Pod.Builder b = Pod.named("p").namespace("default")
                .initContainer("init", c -> c.resources(r -> r.cpu(initCpu)));
        for (int i = 0; i < appCpus.length; i++) {
            String cpu = appCpus[i];
            b.container("app" + i, c -> c.resources(r -> r.cpu(cpu)));
        }
        return b.build();
    }

    static Stream<Arguments> filterCases() {
        Node gpuNode = node("n1").toBuilder().allocatable("nvidia.com/gpu", "1").build();
        Node onePod = node("n1").toBuilder().allocatable("pods", "1").build();
        Pod gpuPod = pod("p").toBuilder().container("app", c -> c.resources(r -> r.request("nvidia.com/gpu", "2")))
                .build();
        return Stream.of(
                Arguments.of("fits", halfFree(), pod("p", "2", "4Gi"), List.of()),
                Arguments.of("exactly the rest fits", halfFree(), pod("p", "3", "6Gi"), List.of()),
                Arguments.of("too much cpu", halfFree(), pod("p", "3500m", "1Gi"), List.of("Insufficient cpu")),
                Arguments.of("too much memory", halfFree(), pod("p", "1", "7Gi"), List.of("Insufficient memory")),
                Arguments.of("both, in Kubernetes' order", halfFree(), pod("p", "4", "8Gi"),
                        List.of("Insufficient cpu", "Insufficient memory")),
                Arguments.of("init container within the rest", halfFree(), withInit("3", "1", "1"), List.of()),
                Arguments.of("init container larger than the rest", halfFree(), withInit("3500m", "1", "1"),
                        List.of("Insufficient cpu")),
                Arguments.of("sum of app containers larger than the rest", halfFree(), withInit("1", "2", "1500m"),
                        List.of("Insufficient cpu")),
                Arguments.of("no pod slot left", info(onePod, pod("existing")), pod("p"), List.of("Too many pods")),
                Arguments.of("extended resource short", info(gpuNode), gpuPod, List.of("Insufficient nvidia.com/gpu")),
                Arguments.of("extended resource absent", halfFree(), gpuPod, List.of("Insufficient nvidia.com/gpu")),
                Arguments.of("best-effort pod on a full node", info(node("n1", "1", "1Gi"), pod("e", "1", "1Gi")),
                        pod("p"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterCases")
    void filter(String name, NodeInfo node, Pod pod, List<String> reasons) {
        Status s = LEAST.filter(new CycleState(), PodInfo.of(pod), node);
        if (reasons.isEmpty()) {
            assertThat(s.isSuccess()).as(s.toString()).isTrue();
        } else {
            assertThat(s.code()).isEqualTo(Status.Code.UNSCHEDULABLE);
            assertThat(s.reasons()).containsExactlyElementsOf(reasons);
        }
    }

    @Test
    void leastAllocatedPrefersEmptierNodes() {
        List<NodeInfo> nodes = List.of(info(node("empty")), info(node("busy"), pod("e", "2", "4Gi")));
        assertThat(scores(LEAST, pod("p", "1", "2Gi"), nodes)).containsExactly(Map.entry("empty", 75L),
                Map.entry("busy", 25L));
    }

    @Test
    void mostAllocatedPrefersFullerNodes() {
        List<NodeInfo> nodes = List.of(info(node("empty")), info(node("busy"), pod("e", "2", "4Gi")));
        assertThat(scores(MOST, pod("p", "1", "2Gi"), nodes)).containsExactly(Map.entry("empty", 25L),
                Map.entry("busy", 75L));
    }

    @Test
    void podsWithoutRequestsScoreWithKubernetesNonZeroDefaults() {
        // 100m of 4 cpu and 200Mi of 8Gi: least (97, 97), most (2, 2).
        List<NodeInfo> nodes = List.of(info(node("n1")));
        assertThat(scores(LEAST, pod("p"), nodes)).containsEntry("n1", 97L);
        assertThat(scores(MOST, pod("p"), nodes)).containsEntry("n1", 2L);
        // An existing best-effort pod also counts as 100m / 200Mi.
        assertThat(scores(MOST, pod("p"), List.of(info(node("n1"), pod("e"))))).containsEntry("n1", 4L);
    }

    @Test
    void resourceWeights() {
        NodeResourcesFit weighted = new NodeResourcesFit(PluginArgs.of("scoringStrategy", Map.of("type",
                "LeastAllocated", "resources", List.of(Map.of("name", "cpu", "weight", 3),
                        Map.of("name", "memory", "weight", 1)))));
        // cpu (4-2)/4 = 50 weighted 3, memory (8-2)/8 = 75 weighted 1: (150 + 75) / 4 = 56.
        assertThat(scores(weighted, pod("p", "2", "2Gi"), List.of(info(node("n1"))))).containsEntry("n1", 56L);
    }

    @Test
    void rejectsUnknownStrategies() {
        assertThatThrownBy(() -> new NodeResourcesFit(PluginArgs.of("scoringStrategy", Map.of("type", "Random"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Random");
    }
}
