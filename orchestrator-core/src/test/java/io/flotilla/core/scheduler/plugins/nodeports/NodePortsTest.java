package io.flotilla.core.scheduler.plugins.nodeports;

import static io.flotilla.core.scheduler.plugins.PluginFixtures.filter;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.info;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.node;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.ContainerPort;
import io.flotilla.api.core.Pod;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.Status;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodePortsTest {

    private static ContainerPort port(int hostPort, String protocol, String ip) {
        return new ContainerPort(null, hostPort, 80, protocol, ip);
    }

    private static Pod withPort(String name, ContainerPort port) {
        return pod(name).toBuilder().container("app", c -> c.port(port)).build();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("same port, both any IP", port(8080, null, null), port(8080, "TCP", null), true),
                Arguments.of("other port", port(8080, null, null), port(8081, null, null), false),
                Arguments.of("same port, other protocol", port(8080, "UDP", null), port(8080, "TCP", null), false),
                Arguments.of("same port and IP", port(8080, null, "10.0.0.1"), port(8080, null, "10.0.0.1"), true),
                Arguments.of("same port, different IPs", port(8080, null, "10.0.0.1"), port(8080, null, "10.0.0.2"),
                        false),
                Arguments.of("wildcard IP in use blocks a specific IP", port(8080, null, "0.0.0.0"),
                        port(8080, null, "10.0.0.2"), true),
                Arguments.of("wanted wildcard conflicts with a specific IP", port(8080, null, "10.0.0.1"),
                        port(8080, null, ""), true),
                Arguments.of("SCTP against SCTP", port(9000, "SCTP", null), port(9000, "SCTP", null), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conflicts(String name, ContainerPort used, ContainerPort wanted, boolean conflict) {
        NodeInfo n = info(node("n1"), withPort("existing", used));
        Status s = filter(new NodePorts(), new CycleState(), withPort("new", wanted), n, List.of(n));
        if (conflict) {
            assertThat(s.code()).isEqualTo(Status.Code.UNSCHEDULABLE);
            assertThat(s.reasons()).containsExactly("node(s) didn't have free ports for the requested pod ports");
        } else {
            assertThat(s.isSuccess()).isTrue();
        }
    }

    @Test
    void podsWithoutHostPortsSkipThePlugin() {
        NodeInfo n = info(node("n1"), withPort("existing", port(8080, null, null)));
        assertThat(new NodePorts().preFilter(new CycleState(), PodInfo.of(pod("p")), List.of(n)).status().isSkip())
                .isTrue();
        // A container port without hostPort never conflicts.
        Pod plain = pod("q").toBuilder().container("app", c -> c.port(8080)).build();
        assertThat(new NodePorts().filter(new CycleState(), PodInfo.of(plain), n).isSuccess()).isTrue();
    }
}
