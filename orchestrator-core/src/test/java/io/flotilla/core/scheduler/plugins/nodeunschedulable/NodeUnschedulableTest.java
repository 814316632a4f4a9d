package io.flotilla.core.scheduler.plugins.nodeunschedulable;

import static io.flotilla.core.scheduler.plugins.PluginFixtures.info;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.node;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Toleration;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeUnschedulableTest {

    private static final String KEY = "node.kubernetes.io/unschedulable";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("schedulable node", false, null, true),
                Arguments.of("cordoned node, no toleration", true, null, false),
                Arguments.of("cordoned node, Exists toleration of the key", true, Toleration.exists(KEY), true),
                Arguments.of("cordoned node, Exists toleration of the key for NoSchedule", true,
                        new Toleration(KEY, "Exists", null, "NoSchedule", null), true),
                Arguments.of("cordoned node, toleration for NoExecute only", true,
                        new Toleration(KEY, "Exists", null, "NoExecute", null), false),
                Arguments.of("cordoned node, empty-key Exists tolerates everything", true,
                        new Toleration(null, "Exists", null, null, null), true),
                Arguments.of("cordoned node, toleration of another key", true, Toleration.exists("other"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filter(String name, boolean cordoned, Toleration toleration, boolean fits) {
        Node n = node("n1").toBuilder().unschedulable(cordoned).build();
        Pod p = pod("p");
        if (toleration != null) {
            p = p.toBuilder().toleration(toleration).build();
        }
        Status s = new NodeUnschedulable().filter(new CycleState(), PodInfo.of(p), info(n));
        if (fits) {
            assertThat(s.isSuccess()).isTrue();
        } else {
            assertThat(s.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
            assertThat(s.reasons()).containsExactly("node(s) were unschedulable");
        }
    }
}
