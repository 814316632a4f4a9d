package io.flotilla.core.node;

import static org.awaitility.Awaitility.await;

import io.flotilla.api.core.ContainerStatus;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.core.Cluster;
import io.flotilla.core.controllers.nodelifecycle.NodeLifecycleConfig;
import io.flotilla.core.sim.Scenario;
import io.flotilla.core.sim.SimulatedRuntime;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A cluster with one simulated node "n1" on a virtual clock. Pod workers run on virtual threads, so tests wait
 * (bounded, real time) for the agent to have acted before they move the clock on.
 */
final class AgentFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    final VirtualClock clock = VirtualClock.create();
    final Scenario scenario = Scenario.create();
    final SimulatedRuntime runtime = SimulatedRuntime.builder(clock).nodeName("n1").scenario(scenario).build();
    final Cluster cluster;

    AgentFixture() {
        this(NodeLifecycleConfig.defaults());
    }

    AgentFixture(NodeLifecycleConfig lifecycle) {
        cluster = Cluster.builder().id("agent-test").clock(clock).node("n1", runtime).nodeLifecycle(lifecycle)
                .closeRuntimesOnClose(false).start();
    }

    Pod run(Pod.Builder pod) {
        return cluster.apply(pod.nodeName("n1"));
    }

    Optional<Pod> pod(String name) {
        return cluster.client().pods().get(name);
    }

    /** Waits until pod {@code name} satisfies {@code condition}; returns it. */
    Pod awaitPod(String name, Predicate<Pod> condition) {
        await().atMost(WAIT).until(() -> pod(name).filter(condition).isPresent());
        return pod(name).orElseThrow();
    }

    static Predicate<Pod> container(String container, Predicate<ContainerStatus> condition) {
        return p -> p.status() != null && statuses(p).stream()
                .anyMatch(s -> s.name().equals(container) && condition.test(s));
    }

    static List<ContainerStatus> statuses(Pod p) {
        List<ContainerStatus> all = new java.util.ArrayList<>(p.status().initContainerStatuses());
        all.addAll(p.status().containerStatuses());
        return all;
    }

    static Predicate<ContainerStatus> waiting(String reason) {
        return s -> s.state().waiting() != null && reason.equals(s.state().waiting().reason());
    }

    static Predicate<ContainerStatus> restarts(int count) {
        return s -> s.restartCount() != null && s.restartCount() == count;
    }

    static Predicate<Pod> condition(String type, String status) {
        return p -> p.status() != null && p.status().conditions().stream()
                .anyMatch(c -> c.type().equals(type) && c.status().equals(status));
    }

    static Predicate<Pod> ready(boolean ready) {
        return condition(PodCondition.READY, ready ? PodCondition.TRUE : PodCondition.FALSE);
    }

    static Predicate<Pod> phase(String phase) {
        return p -> p.status() != null && phase.equals(p.status().phase());
    }

    /** Waits until an event with {@code reason} about {@code podName} exists; returns its message. */
    String awaitEvent(String podName, String reason) {
        await().atMost(WAIT).until(() -> event(podName, reason).isPresent());
        return event(podName, reason).orElseThrow().message();
    }

    Optional<Event> event(String podName, String reason) {
        return cluster.client().events().inAnyNamespace().list().stream()
                .filter(e -> e.involvedObject().name().equals(podName) && reason.equals(e.reason()))
                .findFirst();
    }

    void advance(Duration d) {
        clock.advance(d);
    }

    @Override
    public void close() {
        cluster.close();
    }
}
