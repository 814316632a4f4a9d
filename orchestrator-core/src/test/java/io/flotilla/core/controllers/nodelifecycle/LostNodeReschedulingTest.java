package io.flotilla.core.controllers.nodelifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.Affinity;
import io.flotilla.api.core.NodeAffinity;
import io.flotilla.api.core.NodeSelectorRequirement;
import io.flotilla.api.core.NodeSelectorTerm;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PreferredSchedulingTerm;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.core.Cluster;
import io.flotilla.core.sim.SimulatedRuntime;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: the pods of a lost node are evicted once their tolerations run out, and the Deployment's replacements are
 * scheduled on the node that is left (scheduler, ReplicaSet and Deployment controllers on a virtual clock).
 */
class LostNodeReschedulingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LabelSelector WEB = LabelSelector.matchLabel("app", "web");
    private final VirtualClock clock = VirtualClock.create();
    private final Cluster cluster = Cluster.builder().id("lost-node-test").clock(clock)
            .node("n1", SimulatedRuntime.builder(clock).nodeName("n1").build())
            .node("n2", SimulatedRuntime.builder(clock).nodeName("n2").build())
            .nodeLifecycle(NodeLifecycleConfig.defaults())
            .start();

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void aLostNodesPodsAreEvictedAndRescheduledOnTheOtherNode() {
        // both replicas prefer n1, so the loss of n1 takes them all; nothing pins them there
        NodeAffinity preferN1 = new NodeAffinity(null, List.of(new PreferredSchedulingTerm(100,
                NodeSelectorTerm.of(NodeSelectorRequirement.in("kubernetes.io/hostname", "n1")))));
        cluster.apply(Deployment.named("web").replicas(2).affinity(Affinity.of(preferN1))
                .container("app", c -> c.image("nginx:1.27")));
        await().atMost(WAIT).until(() -> readyPods().size() == 2);
        Set<String> onN1 = pods().stream().filter(p -> "n1".equals(p.nodeName()))
                .map(p -> p.metadata().name()).collect(Collectors.toSet());
        assertThat(onN1).as("pods on n1 before its loss").isNotEmpty();

        cluster.nodes().stop("n1");
        // lease grace (40 s) + default not-ready/unreachable toleration (30 s) + the pods' grace (30 s), one virtual
        // second per poll so that informers and controllers see each step before time moves on
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            clock.advance(Duration.ofSeconds(1));
            List<Pod> pods = pods();
            return pods.size() == 2 && pods.stream().allMatch(p -> p.isReady() && "n2".equals(p.nodeName()));
        });

        assertThat(pods()).extracting(p -> p.metadata().name()).doesNotContainAnyElementsOf(onN1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.client().deployments().get("web"))
                .hasValueSatisfying(d -> assertThat(d.status().readyReplicas()).isEqualTo(2)));
        assertThat(cluster.client().nodes().get("n1").orElseThrow().isReady()).isFalse();
    }

    /** Every pod of the Deployment, terminating ones included. */
    private List<Pod> pods() {
        return cluster.client().pods().list(WEB);
    }

    private List<Pod> readyPods() {
        return pods().stream().filter(p -> !p.metadata().isDeleting() && p.isReady()).toList();
    }
}
