package io.flotilla.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Many simulated nodes share one clock and one scenario, and schedule work only for scripted steps. */
class SimScaleTest {

    @Test
    void thousandNodesRunOnOneVirtualClock() {
        VirtualClock clock = VirtualClock.create();
        Scenario scenario = Scenario.create().preload("app:1")
                .forContainer("job", SimBehavior.exitsAfter(Duration.ofSeconds(30), 0));
        List<SimulatedRuntime> nodes = new ArrayList<>();
        for (int n = 0; n < 1000; n++) {
            SimulatedRuntime node = SimulatedRuntime.builder(clock).nodeName("node-" + n).scenario(scenario)
                    .podCidr("10." + (n / 256) + "." + (n % 256) + ".0/24").build();
            for (int p = 0; p < 5; p++) {
                String sandbox = node.runPodSandbox(SimFixture.pod("pod-" + p));
                String name = p == 0 ? "job" : "server";
                String id = node.createContainer(sandbox, ContainerConfig.builder(name, "app:1").build(),
                        SimFixture.pod("pod-" + p));
                node.startContainer(id);
            }
            nodes.add(node);
        }
        assertThat(clock.pendingTasks()).isEqualTo(1000);

        clock.advance(Duration.ofSeconds(30));
        assertThat(clock.pendingTasks()).isZero();
        long exited = nodes.stream().mapToLong(n -> n.listContainers(ContainerFilter.all()
                .withState(ContainerRunState.EXITED)).size()).sum();
        long running = nodes.stream().mapToLong(n -> n.listContainers(ContainerFilter.all()
                .withState(ContainerRunState.RUNNING)).size()).sum();
        assertThat(exited).isEqualTo(1000);
        assertThat(running).isEqualTo(4000);
    }
}
