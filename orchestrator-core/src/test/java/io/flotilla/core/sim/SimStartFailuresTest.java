package io.flotilla.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.PortMapping;
import org.junit.jupiter.api.Test;

/** The simulated failures of user mistakes: a command that does not exist and a host port already taken. */
class SimStartFailuresTest {
    private final SimFixture sim = new SimFixture();
    private final SimulatedRuntime runtime = sim.runtime;

    @Test
    void aMissingCommandFailsTheStartLikeRuncAndLeavesTheContainerCreated() {
        sim.scenario.forContainer("app", SimBehavior.commandNotFound("no-such-binary"));
        String sandbox = sim.sandbox("app");
        String id = runtime.createContainer(sandbox, ContainerConfig.builder("app", SimFixture.IMAGE).build(),
                SimFixture.pod("app"));

        assertThatThrownBy(() -> runtime.startContainer(id)).isInstanceOf(ContainerRuntimeException.class)
                .hasMessageContaining("exec: \"no-such-binary\": executable file not found in $PATH")
                .hasMessageEndingWith("(runtime sim://node-1)");
        assertThat(runtime.containerStatus(id).state()).isEqualTo(ContainerRunState.CREATED);
        assertThatThrownBy(() -> runtime.startContainer(id)).as("every start fails, none is 'already started'")
                .isNotInstanceOf(ContainerRuntimeException.InvalidState.class)
                .hasMessageContaining("executable file not found");
        runtime.removeContainer(id);
        assertThat(runtime.listContainers(ContainerFilter.all())).isEmpty();

        assertThat(runtime.containerStatus(sim.run(sandbox, "other", 0)).state())
                .as("other containers still start").isEqualTo(ContainerRunState.RUNNING);
    }

    @Test
    void aSandboxPublishingATakenHostPortFailsAndOthersAreCreated() {
        sim.scenario.hostPortInUse(8080);
        PodSandboxConfig taken = PodSandboxConfig.builder("default", "web", "uid-web")
                .portMapping(new PortMapping(PortMapping.Protocol.TCP, 80, 8080, null)).build();

        assertThatThrownBy(() -> runtime.runPodSandbox(taken)).isInstanceOf(ContainerRuntimeException.class)
                .hasMessageContaining("Bind for 0.0.0.0:8080 failed: port is already allocated");
        assertThat(runtime.listPodSandboxes(PodSandboxFilter.all())).isEmpty();

        PodSandboxConfig free = PodSandboxConfig.builder("default", "web2", "uid-web2")
                .portMapping(new PortMapping(PortMapping.Protocol.TCP, 80, 8081, null)).build();
        assertThat(runtime.runPodSandbox(free)).isNotEmpty();
        assertThatThrownBy(() -> sim.scenario.hostPortInUse(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
