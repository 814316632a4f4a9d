package io.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.ContainerPort;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.core.Cluster;
import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;
import io.flotilla.testkit.TestImages;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * {@link PodLifecycleSuite} on the local Docker engine, plus what only Docker does: a host port taken by another
 * process fails the sandbox's start (Docker binds published ports; containerd's CNI port mapping does not).
 */
@RequiresRuntime(Runtimes.DOCKER)
class DockerPodLifecycleIT extends PodLifecycleSuite {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    TestRuntime runtime() {
        return TestRuntime.DOCKER;
    }

    @Test
    void aSandboxThatCannotStartIsReportedAndRetriedWithoutLeavingItsContainers(TestInfo test) throws Exception {
        // the agent creates a new pod's containers while its sandbox starts; a start that fails must still end as
        // kubelet's FailedCreatePodSandBox, with the containers made meanwhile removed, and the pod must run once
        // the port is free
        RuntimeClusterFixture fixture = RuntimeClusterFixture.start(runtime(), "hp-", test);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cluster cluster = fixture.startCluster();
            int port = taken.getLocalPort();
            cluster.apply(Pod.named("clash").terminationGracePeriodSeconds(1L)
                    .container("app", c -> c.image(TestImages.BUSYBOX).command("sleep", "100000")
                            .port(new ContainerPort(null, port, 8080, "TCP", "127.0.0.1"))));

            List<Event> failures = RuntimeClusterFixture.await("a FailedCreatePodSandBox event", WAIT,
                    () -> cluster.client().events().list().stream()
                            .filter(e -> "FailedCreatePodSandBox".equals(e.reason())).toList(),
                    events -> !events.isEmpty());
            assertThat(failures.get(0).message()).contains(String.valueOf(port));
            assertThat(cluster.client().events().list()).noneMatch(e -> "RunContainerError".equals(e.reason()));
            taken.close();
            RuntimeClusterFixture.await("the pod running once the port is free", WAIT,
                    () -> cluster.client().pods().get("clash"),
                    p -> p.map(Pod::status).map(PodStatus::phase).filter(PodStatus.RUNNING::equals).isPresent());
            assertThat(fixture.runtime().listContainers(ContainerFilter.labels(Map.of(RuntimeLabels.CLUSTER,
                    fixture.id(), RuntimeLabels.POD_NAME, "clash")))).as("the pod's containers, none left of the "
                    + "failed sandboxes").singleElement().satisfies(c -> assertThat(c.state()).isEqualTo(
                    ContainerRunState.RUNNING));
        } finally {
            fixture.closeAndAssertNothingLeft();
        }
    }
}
