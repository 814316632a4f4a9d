package io.flotilla.core.node;

import static io.flotilla.core.node.AgentFixture.condition;
import static io.flotilla.core.node.AgentFixture.container;
import static io.flotilla.core.node.AgentFixture.phase;
import static io.flotilla.core.node.AgentFixture.ready;
import static io.flotilla.core.node.AgentFixture.restarts;
import static io.flotilla.core.node.AgentFixture.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.core.Probe;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ExecResult;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.core.sim.SimBehavior;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pod lifecycle on a simulated node with a virtual clock: start, restarts, probes, init containers. */
class PodLifecycleTest {
    private final AgentFixture f = new AgentFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aPodRunsAndReportsKubernetesStatus() {
        f.run(Pod.named("web").container("httpd", c -> c.image("nginx:1.27").port(80)));

        Pod pod = f.awaitPod("web", ready(true));
        PodStatus status = pod.status();
        assertThat(status.phase()).isEqualTo(PodStatus.RUNNING);
        assertThat(status.podIP()).startsWith("10.244.0.");
        assertThat(status.hostIP()).isEqualTo("127.0.0.1");
        assertThat(status.startTime()).isEqualTo(f.clock.now());
        assertThat(status.conditions()).extracting(PodCondition::type).contains(PodCondition.POD_SCHEDULED,
                PodCondition.INITIALIZED, PodCondition.CONTAINERS_READY, PodCondition.READY);
        var c = status.containerStatuses().get(0);
        assertThat(c.state().running()).isNotNull();
        assertThat(c.started()).isTrue();
        assertThat(c.containerID()).startsWith("flotilla-sim://");
        assertThat(c.imageID()).isNotEmpty();
        assertThat(f.awaitEvent("web", "Started")).isEqualTo("Started container httpd");
        assertThat(f.cluster.client().nodes().get("n1")).hasValueSatisfying(n -> {
            assertThat(n.isReady()).isTrue();
            assertThat(n.metadata().labels()).containsEntry("kubernetes.io/hostname", "n1")
                    .containsEntry("kubernetes.io/os", "linux").containsEntry("kubernetes.io/arch", "amd64");
        });
    }

    @Test
    void aCrashingContainerRestartsWithKubeletsCrashLoopBackOffDelays() {
        f.scenario.forContainer("crash", SimBehavior.exitsAfter(Duration.ZERO, 1));
        f.run(Pod.named("crasher").container("crash", c -> c.image("busybox:1")));

        // the first restart is immediate; then 10 s, 20 s, 40 s ... (kubelet's doBackOff)
        f.awaitPod("crasher", container("crash", restarts(1).and(waiting("CrashLoopBackOff"))));
        int restarts = 1;
        for (long delay : new long[]{10, 20, 40, 80}) {
            f.advance(Duration.ofSeconds(delay - 1));
            assertThat(containerCount()).isEqualTo(2);
            assertThat(f.pod("crasher").orElseThrow()).matches(container("crash", restarts(restarts)));
            f.advance(Duration.ofSeconds(1));
            restarts++;
            f.awaitPod("crasher", container("crash", restarts(restarts).and(waiting("CrashLoopBackOff"))));
        }
        Pod pod = f.pod("crasher").orElseThrow();
        var status = pod.status().containerStatuses().get(0);
        assertThat(status.lastState().terminated().exitCode()).isEqualTo(1);
        assertThat(status.state().waiting().message()).startsWith("back-off 2m40s restarting failed container=crash");
        assertThat(pod.status().phase()).isEqualTo(PodStatus.RUNNING);
        assertThat(f.awaitEvent("crasher", "BackOff")).startsWith("Back-off restarting failed container crash");
    }

    @Test
    void theBackOffIsCappedAtFiveMinutes() {
        Backoff backoff = new Backoff(f.clock);
        var t = f.clock.now();
        for (int i = 0; i < 10; i++) {
            backoff.next("k", t);
        }
        assertThat(backoff.delay("k")).isEqualTo(Duration.ofMinutes(5));
        f.advance(Duration.ofMinutes(11));
        assertThat(backoff.inBackOffSince("k", f.clock.now())).isFalse();
        backoff.next("k", f.clock.now());
        assertThat(backoff.delay("k")).as("reset after 10 minutes").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aFailingLivenessProbeRestartsAfterFailureThresholdTimesPeriod() {
        f.scenario.forContainer("app", SimBehavior.runsForever().exec(List.of("check"), ExecResult.of(1, "", "")));
        f.run(Pod.named("sick").container("app", c -> c.image("busybox:1")
                .liveness(Probe.exec("check").periodSeconds(10).failureThreshold(3))));
        f.awaitPod("sick", container("app", s -> s.state().running() != null));

        f.advance(Duration.ofSeconds(29));
        assertThat(f.pod("sick").orElseThrow()).matches(container("app", restarts(0)));
        f.advance(Duration.ofSeconds(1));
        f.awaitPod("sick", container("app", restarts(1).and(s -> s.state().running() != null)));
        assertThat(f.awaitEvent("sick", "Unhealthy")).isEqualTo("Liveness probe failed: command exited with code 1");
        assertThat(f.awaitEvent("sick", "Killing")).isEqualTo("Container app failed liveness probe, will be "
                + "restarted");
    }

    @Test
    void readinessFlipsTheReadyConditionBothWays() {
        f.scenario.forContainer("web", SimBehavior.runsForever()
                .servesBetween(Duration.ZERO, Duration.ofSeconds(45), 80, "/healthz", 200, "ok"));
        f.run(Pod.named("web").container("web", c -> c.image("nginx:1.27")
                .readiness(Probe.http("/healthz", 80).periodSeconds(10))));
        f.awaitPod("web", phase(PodStatus.RUNNING).and(ready(false)));

        f.advance(Duration.ofSeconds(10));
        f.awaitPod("web", ready(true).and(condition(PodCondition.CONTAINERS_READY, PodCondition.TRUE)));
        f.advance(Duration.ofSeconds(59));
        assertThat(f.pod("web").orElseThrow()).matches(ready(true));
        f.advance(Duration.ofSeconds(1));
        Pod unready = f.awaitPod("web", ready(false));
        assertThat(unready.status().containerStatuses().get(0).ready()).isFalse();
        assertThat(unready.status().phase()).isEqualTo(PodStatus.RUNNING);
    }

    @Test
    void aReadinessProbeWithoutInitialDelayRunsAsSoonAsTheContainerStarts() {
        f.scenario.forContainer("web", SimBehavior.runsForever()
                .servesBetween(Duration.ZERO, Duration.ofHours(1), 80, "/healthz", 200, "ok"));
        f.run(Pod.named("web").container("web", c -> c.image("nginx:1.27")
                .readiness(Probe.http("/healthz", 80).periodSeconds(10))));
        f.awaitPod("web", phase(PodStatus.RUNNING));
        Instant started = f.clock.now();

        // due "now": runs on the next runDue, which must not move the clock a period on
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            f.clock.runDue();
            assertThat(f.pod("web").orElseThrow()).matches(ready(true));
        });
        assertThat(f.clock.now()).isEqualTo(started);
    }

    @Test
    void aContainerThatFailsItsFirstReadinessProbeIsProbedAgainWithinThePodsPeriod() {
        // kubelet's probe worker ticks from the pod's admission, and each sync of an unready pod triggers a probe:
        // a container starting late in the pod's first second and answering 100 ms later is Ready at 1 s, not at
        // its own start plus a period (1.6 s)
        f.scenario.forContainer("init", SimBehavior.exitsAfter(Duration.ofMillis(600), 0));
        f.scenario.forContainer("web", SimBehavior.runsForever()
                .servesBetween(Duration.ofMillis(100), null, 80, "/healthz", 200, "ok"));
        f.run(Pod.named("late").initContainer("init", c -> c.image("busybox:1"))
                .container("web", c -> c.image("nginx:1.27").readiness(Probe.http("/healthz", 80).periodSeconds(1))));
        f.awaitPod("late", container("init", s -> s.state().running() != null));

        f.advance(Duration.ofMillis(600));
        f.awaitPod("late", container("web", s -> s.state().running() != null));
        f.clock.runDue();
        assertThat(f.pod("late").orElseThrow()).matches(ready(false));
        f.advance(Duration.ofMillis(400));
        f.awaitPod("late", ready(true));
    }

    @Test
    void aStartupProbeGatesLivenessUntilItSucceeds() {
        f.scenario.forContainer("slow", SimBehavior.runsForever()
                .servesBetween(Duration.ofSeconds(35), null, 80, "/", 200, "up")
                .exec(List.of("alive"), ExecResult.of(1, "", "")));
        f.run(Pod.named("slow").container("slow", c -> c.image("busybox:1")
                .startup(Probe.http("/", 80).periodSeconds(10).failureThreshold(10))
                .liveness(Probe.exec("alive").periodSeconds(10).failureThreshold(3))));
        f.awaitPod("slow", container("slow", s -> s.state().running() != null && !s.started()));
        f.advance(Duration.ofSeconds(40));
        f.awaitPod("slow", container("slow", s -> Boolean.TRUE.equals(s.started())));
        assertThat(f.pod("slow").orElseThrow()).matches(container("slow", restarts(0)));
        f.advance(Duration.ofSeconds(30));
        f.awaitPod("slow", container("slow", restarts(1)));
    }

    @Test
    void initContainersRunInOrderBeforeTheAppContainers() {
        f.scenario.forContainer("first", SimBehavior.exitsAfter(Duration.ofSeconds(5), 0));
        f.scenario.forContainer("second", SimBehavior.exitsAfter(Duration.ofSeconds(5), 0));
        f.run(Pod.named("ordered").initContainer("first", c -> c.image("busybox:1"))
                .initContainer("second", c -> c.image("busybox:1"))
                .container("app", c -> c.image("busybox:1")));

        f.awaitPod("ordered", container("first", s -> s.state().running() != null)
                .and(container("second", waiting("PodInitializing")))
                .and(container("app", waiting("PodInitializing")))
                .and(condition(PodCondition.INITIALIZED, PodCondition.FALSE)));
        f.advance(Duration.ofSeconds(5));
        f.awaitPod("ordered", container("second", s -> s.state().running() != null));
        f.advance(Duration.ofSeconds(5));
        f.awaitPod("ordered", ready(true).and(condition(PodCondition.INITIALIZED, PodCondition.TRUE)));
        assertThat(f.runtime.listContainers(ContainerFilter.all())).extracting(c -> c.metadata().name())
                .containsExactly("first", "second", "app");
    }

    @Test
    void aFailedInitContainerBlocksTheAppContainers() {
        f.scenario.forContainer("migrate", SimBehavior.exitsAfter(Duration.ZERO, 2));
        f.run(Pod.named("blocked").initContainer("migrate", c -> c.image("busybox:1"))
                .container("app", c -> c.image("busybox:1")).restartPolicy(PodSpec.RESTART_NEVER));

        Pod pod = f.awaitPod("blocked", phase(PodStatus.FAILED));
        assertThat(pod.status().initContainerStatuses().get(0).state().terminated().exitCode()).isEqualTo(2);
        assertThat(pod.status().containerStatuses().get(0).state().waiting().reason()).isEqualTo("PodInitializing");
        assertThat(f.runtime.listContainers(ContainerFilter.all())).extracting(c -> c.metadata().name())
                .containsExactly("migrate");
    }

    @Test
    void restartPolicyNeverAndOnFailureDecideTheFinalPhase() {
        f.scenario.forContainer("ok", SimBehavior.exitsAfter(Duration.ZERO, 0));
        f.scenario.forContainer("bad", SimBehavior.exitsAfter(Duration.ZERO, 3));
        f.run(Pod.named("done").container("ok", c -> c.image("busybox:1")).restartPolicy(PodSpec.RESTART_ON_FAILURE));
        f.run(Pod.named("failed").container("bad", c -> c.image("busybox:1")).restartPolicy(PodSpec.RESTART_NEVER));

        f.awaitPod("done", phase(PodStatus.SUCCEEDED).and(container("ok", restarts(0))));
        Pod failed = f.awaitPod("failed", phase(PodStatus.FAILED));
        assertThat(failed.status().containerStatuses().get(0).state().terminated().reason()).isEqualTo("Error");
    }

    @Test
    void deletingAPodStopsItsContainersAndLetsItLeaveTheStore() {
        f.run(Pod.named("gone").container("app", c -> c.image("busybox:1")));
        f.awaitPod("gone", ready(true));

        f.cluster.client().pods().delete("gone");
        await().atMost(AgentFixture.WAIT).until(() -> f.pod("gone").isEmpty());
        await().atMost(AgentFixture.WAIT).until(() -> f.runtime.listContainers(ContainerFilter.all()).isEmpty()
                && f.runtime.listPodSandboxes(io.flotilla.api.runtime.PodSandboxFilter.all()).isEmpty());
        assertThat(f.awaitEvent("gone", "Killing")).isEqualTo("Stopping container app");
    }

    private int containerCount() {
        List<RuntimeContainer> all = f.runtime.listContainers(ContainerFilter.all());
        return all.size();
    }
}
