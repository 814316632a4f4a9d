package io.flotilla.core.controllers.nodelifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.NodeCondition;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Taint;
import io.flotilla.api.core.Toleration;
import io.flotilla.core.Cluster;
import io.flotilla.core.sim.SimulatedRuntime;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A node whose agent dies goes Ready=Unknown, gets the unreachable taints, and loses its pods after tolerations. */
class NodeLifecycleControllerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final VirtualClock clock = VirtualClock.create();
    private final Cluster cluster = Cluster.builder().id("lifecycle-test").clock(clock)
            .node("n1", SimulatedRuntime.builder(clock).nodeName("n1").build())
            .nodeLifecycle(NodeLifecycleConfig.defaults())
            .start();

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void aLostNodeIsTaintedAndItsPodsAreEvictedAfterTheirTolerations() {
        cluster.apply(Pod.named("plain").nodeName("n1").container("c", c -> c.image("busybox:1")));
        cluster.apply(Pod.named("patient").nodeName("n1").container("c", c -> c.image("busybox:1"))
                .toleration(new Toleration(Taint.UNREACHABLE, Toleration.EXISTS, null, Toleration.NO_EXECUTE, 120L)));
        cluster.apply(Pod.named("forever").nodeName("n1").container("c", c -> c.image("busybox:1"))
                .toleration(Toleration.exists(Taint.UNREACHABLE)));
        await().atMost(WAIT).until(() -> cluster.client().pods().list().stream().allMatch(Pod::isReady));
        clock.advance(Duration.ofSeconds(60));
        assertThat(node().isReady()).as("heartbeats keep a live node Ready").isTrue();

        cluster.nodes().stop("n1");
        clock.advance(Duration.ofSeconds(40));
        assertThat(node().isReady()).isTrue();
        clock.advance(Duration.ofSeconds(10));
        Node lost = node();
        assertThat(lost.status().conditions()).filteredOn(c -> c.type().equals(NodeCondition.READY))
                .singleElement().satisfies(c -> {
                    assertThat(c.status()).isEqualTo(NodeCondition.UNKNOWN);
                    assertThat(c.reason()).isEqualTo("NodeStatusUnknown");
                });
        assertThat(lost.spec().taints()).extracting(Taint::key, Taint::effect).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Taint.UNREACHABLE, Taint.NO_SCHEDULE),
                org.assertj.core.groups.Tuple.tuple(Taint.UNREACHABLE, Taint.NO_EXECUTE));
        Duration sinceTaint = Duration.between(lost.spec().taints().get(0).timeAdded(), clock.now());

        // default toleration 30 s, then the pod's own 30 s grace (no agent finishes it, so it is force-deleted)
        clock.advance(Duration.ofSeconds(29).minus(sinceTaint));
        assertThat(pod("plain")).hasValueSatisfying(p -> assertThat(p.metadata().isDeleting()).isFalse());
        clock.advance(Duration.ofSeconds(1));
        assertThat(pod("plain")).hasValueSatisfying(p -> assertThat(p.metadata().isDeleting()).isTrue());
        awaitCachedDeleting("plain");
        clock.advance(Duration.ofSeconds(30));
        assertThat(pod("plain")).isEmpty();
        assertThat(pod("patient")).hasValueSatisfying(p -> assertThat(p.metadata().isDeleting()).isFalse());
        clock.advance(Duration.ofSeconds(60));
        assertThat(pod("patient")).hasValueSatisfying(p -> assertThat(p.metadata().isDeleting()).isTrue());
        awaitCachedDeleting("patient");
        clock.advance(Duration.ofMinutes(10));
        assertThat(pod("patient")).isEmpty();
        assertThat(pod("forever")).hasValueSatisfying(p -> assertThat(p.metadata().isDeleting()).isFalse());
    }

    @Test
    void aRestartedAgentMakesTheNodeReadyAgainAndTheTaintsGo() {
        cluster.nodes().stop("n1");
        clock.advance(Duration.ofSeconds(50));
        assertThat(node().isReady()).isFalse();

        cluster.nodes().restart("n1");
        clock.advance(Duration.ofSeconds(10));
        assertThat(node().isReady()).isTrue();
        assertThat(node().spec().taints()).isEmpty();
    }

    private Node node() {
        return cluster.client().nodes().get("n1").orElseThrow();
    }

    /**
     * The controller learns of an eviction through its informer, on another thread; virtual time must not move on
     * before the informer has delivered it (regression: the force-delete was missed under load).
     */
    private void awaitCachedDeleting(String name) {
        await().atMost(WAIT).until(() -> cluster.informers().lister(Pod.TYPE).get("default", name)
                .map(p -> p.metadata().isDeleting()).orElse(true));
    }

    private Optional<Pod> pod(String name) {
        return cluster.client().pods().get(name);
    }
}
