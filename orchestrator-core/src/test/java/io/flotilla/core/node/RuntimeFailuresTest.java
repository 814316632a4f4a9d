package io.flotilla.core.node;

import static io.flotilla.core.node.AgentFixture.container;
import static io.flotilla.core.node.AgentFixture.phase;
import static io.flotilla.core.node.AgentFixture.ready;
import static io.flotilla.core.node.AgentFixture.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.ContainerPort;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.core.sim.SimBehavior;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runtime failures a user causes (issue 5): a command that does not exist and a host port already taken end in a
 * Kubernetes waiting reason and a Warning event, and the agent keeps serving the node's other pods.
 */
class RuntimeFailuresTest {
    private final AgentFixture f = new AgentFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aMissingCommandFailsWithAWarningThenCrashLoopBackOffAndOtherPodsStillRun() {
        f.scenario.forContainer("app", SimBehavior.commandNotFound("no-such-binary"));
        f.run(Pod.named("broken").container("app", c -> c.image("busybox:1").command("no-such-binary")));

        // RunContainerError is the waiting reason only until the next sync sees the restart back-off running, as in
        // kubelet; the Warning event keeps the runtime's error
        Event event = awaitWarning("broken", "Failed");
        assertThat(event.message()).startsWith("Error: ")
                .contains("exec: \"no-such-binary\": executable file not found in $PATH");
        Pod backingOff = f.awaitPod("broken", container("app", waiting("CrashLoopBackOff")));
        assertThat(backingOff.status().containerStatuses().getFirst().state().waiting().message())
                .startsWith("back-off 10s restarting failed container=app");
        assertThat(backingOff.status().phase()).isEqualTo(PodStatus.PENDING);
        assertThat(awaitWarning("broken", "BackOff").message()).contains("Back-off restarting failed container app");

        // the next attempt fails the same way and doubles the back-off
        f.advance(Duration.ofSeconds(10));
        f.awaitPod("broken", container("app", s -> s.state().waiting() != null
                && s.state().waiting().message() != null
                && s.state().waiting().message().startsWith("back-off 20s restarting failed container=app")));

        f.run(Pod.named("healthy").container("web", c -> c.image("nginx:1.27")));
        f.awaitPod("healthy", ready(true));
        assertThat(f.pod("broken").orElseThrow().status().containerStatuses().getFirst().state().running()).isNull();
    }

    @Test
    void aTakenHostPortIsFailedCreatePodSandBoxAndThePodStaysPendingWhileOtherPodsRun() {
        f.scenario.hostPortInUse(8080);
        f.run(Pod.named("taken").container("web", c -> c.image("nginx:1.27")
                .port(new ContainerPort("http", 8080, 80, ContainerPort.TCP, null))));

        Event event = awaitWarning("taken", "FailedCreatePodSandBox");
        assertThat(event.message()).startsWith("Failed to create pod sandbox: ")
                .contains("Bind for 0.0.0.0:8080 failed: port is already allocated");
        Pod pending = f.awaitPod("taken", container("web", waiting(ContainerStarter.CONTAINER_CREATING)));
        assertThat(pending.status().phase()).isEqualTo(PodStatus.PENDING);

        f.run(Pod.named("healthy").container("web", c -> c.image("nginx:1.27")
                .port(new ContainerPort("http", 8081, 80, ContainerPort.TCP, null))));
        f.awaitPod("healthy", ready(true));
        f.advance(Duration.ofMinutes(1));
        assertThat(f.pod("taken").orElseThrow()).matches(phase(PodStatus.PENDING))
                .matches(container("web", waiting(ContainerStarter.CONTAINER_CREATING)));
        assertThat(f.pod("healthy").orElseThrow()).matches(ready(true));
    }

    private Event awaitWarning(String podName, String reason) {
        f.awaitEvent(podName, reason);
        Event event = f.event(podName, reason).orElseThrow();
        assertThat(event.eventType()).isEqualTo(Event.WARNING);
        return event;
    }
}
