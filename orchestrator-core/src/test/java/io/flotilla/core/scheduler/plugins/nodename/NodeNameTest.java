package io.flotilla.core.scheduler.plugins.nodename;

import static io.flotilla.core.scheduler.plugins.PluginFixtures.info;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.node;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.Pod;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeNameTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no node name fits anywhere", null, "n1", Status.Code.SUCCESS),
                Arguments.of("the named node fits", "n1", "n1", Status.Code.SUCCESS),
                Arguments.of("another node is unresolvable", "n2", "n1", Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filter(String name, String nodeName, String node, Status.Code expected) {
        Pod p = pod("p");
        p = p.withSpec(p.spec().withNodeName(nodeName));
        Status s = new NodeName().filter(new CycleState(), PodInfo.of(p), info(node(node)));
        assertThat(s.code()).isEqualTo(expected);
        if (!s.isSuccess()) {
            assertThat(s.reasons()).containsExactly("node(s) didn't match the requested node name");
        }
    }
}
