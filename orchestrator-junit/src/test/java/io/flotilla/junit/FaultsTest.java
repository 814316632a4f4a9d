package io.flotilla.junit;

import static io.flotilla.junit.ClusterAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.NodeCondition;
import io.flotilla.api.core.Pod;
import io.flotilla.core.Cluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault helpers on two simulated nodes, through the extension itself (this class runs under Surefire). */
@FlotillaTest(runtime = TestRuntime.SIMULATED, nodes = 2)
class FaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Workload
    static Deployment.Builder web = Deployment.named("web").replicas(2).container("app", c -> c.image("web:1"));

    Cluster cluster;
    TestNamespace ns;
    Faults faults;

    private List<Pod> webPods() {
        return cluster.client().pods().inNamespace(ns.name()).list().stream()
                .filter(p -> !p.metadata().isDeleting()).toList();
    }

    @Test
    void aKilledContainerIsRestartedInPlace() {
        Pod pod = webPods().getFirst();
        faults.killContainer(ns.name(), pod.metadata().name(), "app");

        assertThat(cluster).pod(pod.metadata().name()).eventually(WAIT).hasRestartedAtLeast(1).isReady();
        assertThat(cluster).deployment("web").eventually(WAIT).hasAvailableReplicas(2);
    }

    @Test
    void aDeletedPodIsReplaced() {
        String deleted = webPods().getFirst().metadata().name();
        faults.deletePod(ns.name(), deleted);

        await().atMost(WAIT).until(() -> webPods().stream().noneMatch(p -> p.metadata().name().equals(deleted))
                && webPods().size() == 2);
        assertThat(cluster).deployment("web").eventually(WAIT).hasAvailableReplicas(2);
    }

    @Test
    void drainingANodeMovesItsPodsAndNotReadyIsImmediate() {
        faults.drain("sim-0001", WAIT);
        assertThat(cluster.client().nodes().get("sim-0001").orElseThrow().spec().unschedulable()).isTrue();
        await().atMost(WAIT).until(() -> webPods().size() == 2
                && webPods().stream().allMatch(p -> "sim-0002".equals(p.nodeName())));
        faults.uncordon("sim-0001");

        faults.makeNodeNotReady("sim-0001");
        assertThat(ready(cluster.client().nodes().get("sim-0001").orElseThrow())).isEqualTo(NodeCondition.UNKNOWN);
        faults.makeNodeReady("sim-0001");
        await().atMost(WAIT).until(() -> NodeCondition.TRUE.equals(
                ready(cluster.client().nodes().get("sim-0001").orElseThrow())));
    }

    private static String ready(Node node) {
        return node.status().conditions().stream().filter(c -> NodeCondition.READY.equals(c.type()))
                .map(NodeCondition::status).findFirst().orElse(null);
    }
}
