package io.flotilla.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.Affinity;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.NodeAffinity;
import io.flotilla.api.core.NodeCondition;
import io.flotilla.api.core.NodeSelectorRequirement;
import io.flotilla.api.core.NodeSelectorTerm;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PreferredSchedulingTerm;
import io.flotilla.api.core.Taint;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ImageSpec;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.core.Cluster;
import io.flotilla.core.controllers.nodelifecycle.NodeLifecycleConfig;
import io.flotilla.core.sim.SimulatedRuntime;
import io.flotilla.core.time.VirtualClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Faults the node agents survive: a runtime that stops answering makes its node NotReady (its Lease stays current,
 * as kubelet's does) so the node lifecycle controller moves its pods; and a cluster restarted with fewer nodes
 * removes what the nodes it no longer has left behind.
 */
class NodeFaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CLUSTER = "faults-test";
    private final VirtualClock clock = VirtualClock.create();

    @Test
    void aNodeWhoseRuntimeIsDownTurnsNotReadyAndItsPodsMoveToTheOtherNode() {
        AtomicBoolean down = new AtomicBoolean();
        ContainerRuntime n1 = failingWhen(down, SimulatedRuntime.builder(clock).nodeName("n1").build());
        try (Cluster cluster = Cluster.builder().id(CLUSTER).clock(clock).node("n1", n1)
                .node("n2", SimulatedRuntime.builder(clock).nodeName("n2").build())
                .nodeLifecycle(NodeLifecycleConfig.defaults()).start()) {
            NodeAffinity preferN1 = new NodeAffinity(null, List.of(new PreferredSchedulingTerm(100,
                    NodeSelectorTerm.of(NodeSelectorRequirement.in("kubernetes.io/hostname", "n1")))));
            cluster.apply(Deployment.named("web").replicas(2).affinity(Affinity.of(preferN1))
                    .terminationGracePeriodSeconds(1L).container("app", c -> c.image("nginx:1.27")));
            // the preference is not binding (spread scoring pulls the other way), so one on n1 is enough
            await().atMost(WAIT).until(() -> readyOn(cluster, "n1") + readyOn(cluster, "n2") == 2
                    && readyOn(cluster, "n1") >= 1);

            down.set(true);
            // one heartbeat (10 s), the default toleration (30 s), the pods' grace (1 s): a virtual second per poll
            await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
                clock.advance(Duration.ofSeconds(1));
                return readyOn(cluster, "n2") == 2 && pods(cluster).size() == 2;
            });

            Node lost = cluster.client().nodes().get("n1").orElseThrow();
            NodeCondition ready = lost.status().condition(NodeCondition.READY).orElseThrow();
            assertThat(ready.status()).isEqualTo(NodeCondition.FALSE);
            assertThat(ready.reason()).isEqualTo("KubeletNotReady");
            assertThat(ready.message()).startsWith("container runtime is down");
            assertThat(lost.spec().taints()).extracting(Taint::key).contains(Taint.NOT_READY);

            down.set(false);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
                clock.advance(Duration.ofSeconds(1));
                Node back = cluster.client().nodes().get("n1").orElseThrow();
                return back.isReady() && back.spec().taints().isEmpty();
            });
        }
    }

    @Test
    void aRestartedClusterRemovesWhatNodesItNoLongerHasLeftAndKeepsClaimVolumes() {
        SimulatedRuntime runtime = SimulatedRuntime.builder(clock).nodeName("n1").build();
        runtime.pullImage(ImageSpec.of("busybox:1"), null);
        // what an earlier run of this cluster id left: a pod on node "gone", and a claim's volume
        PodSandboxConfig sandbox = PodSandboxConfig.builder("default", "old", "old-uid")
                .labels(podLabels(CLUSTER, "gone")).build();
        String oldSandbox = runtime.runPodSandbox(sandbox);
        runtime.createContainer(oldSandbox, ContainerConfig.builder("app", "busybox:1")
                .labels(podLabels(CLUSTER, "gone")).build(), sandbox);
        runtime.createVolume(CLUSTER + "-old-uid-scratch", podLabels(CLUSTER, "gone"));
        runtime.createVolume(CLUSTER + "-pv-pvc-1", Map.of(RuntimeLabels.CLUSTER, CLUSTER,
                VolumeManager.VOLUME_TYPE, VolumeManager.PERSISTENT));
        // and another cluster's pod on the same runtime, which must survive
        PodSandboxConfig foreign = PodSandboxConfig.builder("default", "x", "x-uid")
                .labels(podLabels("someone-else", "gone")).build();
        runtime.runPodSandbox(foreign);

        try (Cluster cluster = Cluster.builder().id(CLUSTER).clock(clock).node("n1", runtime)
                .closeRuntimesOnClose(false).start()) {
            Map<String, String> ours = RuntimeLabels.cluster(CLUSTER);
            assertThat(runtime.listPodSandboxes(PodSandboxFilter.labels(ours))).isEmpty();
            assertThat(runtime.listContainers(ContainerFilter.labels(ours))).isEmpty();
            assertThat(runtime.listVolumes(ours)).extracting(v -> v.name()).containsExactly(CLUSTER + "-pv-pvc-1");
            assertThat(runtime.listPodSandboxes(PodSandboxFilter.all())).extracting(s -> s.metadata().uid())
                    .containsExactly("x-uid");
            assertThat(cluster.nodes().agent("n1").orElseThrow().isRunning()).isTrue();
        }
    }

    @Test
    void aPodWhoseSandboxDiedKeepsCountingRestartsInItsNewSandbox() {
        try (AgentFixture f = new AgentFixture()) {
            f.run(Pod.named("web").container("web", c -> c.image("nginx:1.27")));
            await().atMost(WAIT).until(() -> f.pod("web").filter(AgentFixture.ready(true)).isPresent());
            String first = f.runtime.listPodSandboxes(PodSandboxFilter.all()).get(0).id();

            // what a daemon restart does to a pod: its sandbox and containers are gone
            f.runtime.removePodSandbox(first);

            await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
                f.advance(Duration.ofSeconds(1));
                return f.pod("web").filter(AgentFixture.ready(true)
                        .and(AgentFixture.container("web", AgentFixture.restarts(1)))).isPresent();
            });
            assertThat(f.runtime.listPodSandboxes(PodSandboxFilter.all())).singleElement()
                    .satisfies(s -> assertThat(s.id()).isNotEqualTo(first));
            assertThat(f.runtime.listContainers(ContainerFilter.all())).hasSize(1);
        }
    }

    private static Map<String, String> podLabels(String cluster, String node) {
        Map<String, String> labels = new HashMap<>(RuntimeLabels.forPod(cluster, "default", "old", "old-uid"));
        labels.put(RuntimeLabels.NODE, node);
        return labels;
    }

    private static List<Pod> pods(Cluster cluster) {
        return cluster.client().pods().list(LabelSelector.matchLabel("app", "web"));
    }

    private static long readyOn(Cluster cluster, String node) {
        return pods(cluster).stream().filter(p -> !p.metadata().isDeleting() && p.isReady()
                && node.equals(p.nodeName())).count();
    }

    /** {@code runtime}, failing every call as an unreachable daemon does while {@code down} is set. */
    private static ContainerRuntime failingWhen(AtomicBoolean down, ContainerRuntime runtime) {
        Set<String> alwaysAnswer = Set.of("endpoint", "close", "toString", "hashCode", "equals");
        return (ContainerRuntime) Proxy.newProxyInstance(ContainerRuntime.class.getClassLoader(),
                new Class<?>[] {ContainerRuntime.class}, (proxy, method, args) -> {
                    if (down.get() && !alwaysAnswer.contains(method.getName())) {
                        throw new ContainerRuntimeException.Unavailable(runtime.endpoint(), "connection refused",
                                null);
                    }
                    try {
                        return method.invoke(runtime, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
