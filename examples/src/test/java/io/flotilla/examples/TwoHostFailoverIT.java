package io.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.NodeCondition;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Taint;
import io.flotilla.api.core.TopologySpreadConstraint;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.core.Cluster;
import io.flotilla.core.controllers.nodelifecycle.NodeLifecycleConfig;
import io.flotilla.core.node.NodeAgentConfig;
import io.flotilla.runtime.docker.DockerRuntime;
import io.flotilla.testkit.ExtraDockerEngine;
import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, two hosts: a Deployment spread over the local engine and a second engine reached over TCP; killing the
 * second engine's daemon makes its node NotReady (its agent still heartbeats, its runtime is down, as kubelet
 * reports it) and the pods come back on the local host. The second engine is this test's own
 * ({@link ExtraDockerEngine}), never the shared one at {@code FLOTILLA_DOCKER_REMOTE} that other tests use.
 */
@RequiresRuntime(Runtimes.DOCKER)
class TwoHostFailoverIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ID = "fo-twohost";
    private static final LabelSelector WEB = LabelSelector.matchLabel("app", "web");
    /** Heartbeats every second, so a dead runtime shows within a second or two. */
    private static final NodeAgentConfig FAST = NodeAgentConfig.defaults()
            .withHeartbeat(Duration.ofSeconds(5), Duration.ofSeconds(1));
    /** Checked every second; pods leave a NotReady node after one second. */
    private static final NodeLifecycleConfig QUICK_EVICTION = new NodeLifecycleConfig(Duration.ofSeconds(5),
            Duration.ofSeconds(1), Duration.ofSeconds(1));

    private DockerClient docker;
    private ExtraDockerEngine remote;
    private Cluster cluster;

    @BeforeEach
    void start() {
        docker = TestDocker.client();
        TestImages.ensureBuilt(docker);
        DockerLeftovers.purge(docker, ID);
        remote = ExtraDockerEngine.start();
    }

    @AfterEach
    void stop() {
        DockerLeftovers left;
        try {
            if (cluster != null) {
                cluster.close();
            }
            left = DockerLeftovers.of(docker, ID);
        } finally {
            DockerLeftovers.purge(docker, ID);
            if (remote != null) {
                remote.close();
            }
        }
        assertThat(left.isEmpty()).as("left on the local engine by cluster %s: %s", ID, left).isTrue();
    }

    @Test
    void podsOfAHostWhoseEngineDiedComeBackOnTheOtherHost() {
        cluster = Cluster.builder().id(ID)
                .node("local", DockerRuntime.local(), FAST)
                .node("remote", DockerRuntime.remote(remote.host()), FAST)
                .nodeLifecycle(QUICK_EVICTION)
                .keepPersistentVolumesOnClose(false)
                .start();
        cluster.apply(Deployment.named("web").replicas(4).terminationGracePeriodSeconds(1L)
                .topologySpread(new TopologySpreadConstraint(1, "kubernetes.io/hostname",
                        TopologySpreadConstraint.SCHEDULE_ANYWAY, WEB, null))
                .container("app", c -> c.image(TestImages.BUSYBOX).command("sleep", "100000")));

        await("4 pods running over both hosts", this::runningByNode,
                m -> m.equals(Map.of("local", 2L, "remote", 2L)));
        assertThat(remote.client().listContainersCmd().withLabelFilter(RuntimeLabels.cluster(ID)).exec())
                .as("containers on the second engine: one per single-container pod, which holds its own network")
                .hasSize(2);
        Set<String> onRemote = pods().stream().filter(p -> "remote".equals(p.nodeName()))
                .map(p -> p.metadata().name()).collect(Collectors.toSet());

        remote.kill();

        Node lost = await("node remote NotReady", () -> cluster.client().nodes().get("remote").orElseThrow(),
                n -> n.status().condition(NodeCondition.READY).map(c -> NodeCondition.FALSE.equals(c.status()))
                        .orElse(false));
        assertThat(lost.status().condition(NodeCondition.READY).orElseThrow().message())
                .startsWith("container runtime is down");
        await("the 4 pods running on local only", this::pods, pods -> pods.size() == 4
                && pods.stream().allMatch(p -> p.isReady() && "local".equals(p.nodeName())));
        assertThat(pods()).extracting(p -> p.metadata().name()).doesNotContainAnyElementsOf(onRemote);
        assertThat(cluster.client().nodes().get("remote").orElseThrow().spec().taints())
                .extracting(Taint::key).contains(Taint.NOT_READY);
        assertThat(DockerLeftovers.of(docker, ID).containers()).as("the container of each pod").hasSize(4);
    }

    /** Every pod of the Deployment, terminating ones included. */
    private List<Pod> pods() {
        return cluster.client().pods().list(WEB);
    }

    /** How many of the Deployment's pods are ready, by node; terminating ones not counted. */
    private Map<String, Long> runningByNode() {
        return pods().stream().filter(p -> !p.metadata().isDeleting() && p.isReady())
                .collect(Collectors.groupingBy(Pod::nodeName, TreeMap::new, Collectors.counting()));
    }

    private static <T> T await(String what, java.util.function.Supplier<T> value,
                               java.util.function.Predicate<T> done) {
        return DockerClusterFixture.await(what, WAIT, value, done);
    }
}
