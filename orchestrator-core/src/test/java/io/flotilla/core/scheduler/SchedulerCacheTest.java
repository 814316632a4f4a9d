package io.flotilla.core.scheduler;

import static io.flotilla.core.scheduler.Fixtures.node;
import static io.flotilla.core.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.Pod;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SchedulerCacheTest {

    private final VirtualClock clock = VirtualClock.create();
    private final SchedulerCache cache = new SchedulerCache(clock, Duration.ofSeconds(30));
    private final Snapshot snapshot = new Snapshot();

    private static Pod bound(Pod p, String node) {
        return p.withSpec(p.spec().withNodeName(node));
    }

    @Test
    void anAssumedPodIsInTheNextSnapshotAndForgettingItFreesTheNode() {
        cache.addNode(node("n1", "4", "8Gi"));
        cache.updateSnapshot(snapshot);
        NodeInfo before = snapshot.node("n1");

        cache.assume(PodInfo.of(bound(pod("a", "1500m", "1Gi"), "n1")), "n1");
        cache.updateSnapshot(snapshot);
        assertThat(snapshot.node("n1").requested().milliCpu()).isEqualTo(1500);
        assertThat(before.requested().milliCpu()).as("snapshots share immutable infos").isZero();

        cache.forget("uid-a");
        cache.updateSnapshot(snapshot);
        assertThat(snapshot.node("n1").pods()).isEmpty();
    }

    @Test
    void theInformerConfirmsAnAssumptionSoItNeitherDoublesNorExpires() {
        cache.addNode(node("n1", "4", "8Gi"));
        Pod a = bound(pod("a", "1", "1Gi"), "n1");
        cache.assume(PodInfo.of(a), "n1");
        cache.finishBinding("uid-a");

        cache.addPod(a);
        clock.advance(Duration.ofMinutes(1));
        cache.cleanupExpired();
        cache.updateSnapshot(snapshot);

        assertThat(cache.isAssumed("uid-a")).isFalse();
        assertThat(snapshot.node("n1").pods()).hasSize(1);
        assertThat(snapshot.node("n1").requested().milliCpu()).isEqualTo(1000);
    }

    @Test
    void unconfirmedAssumptionsExpireAfterTheTtl() {
        cache.addNode(node("n1", "4", "8Gi"));
        cache.assume(PodInfo.of(bound(pod("a", "1", "1Gi"), "n1")), "n1");
        cache.finishBinding("uid-a");

        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.cleanupExpired()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.cleanupExpired()).isEqualTo(1);
        assertThat(cache.podCount()).isZero();
    }

    @Test
    void snapshotUpdatesReplaceOnlyChangedNodesAndInterleaveZones() {
        cache.addNode(node("a1", "4", "8Gi", SchedulerCache.ZONE_LABEL, "a"));
        cache.addNode(node("a2", "4", "8Gi", SchedulerCache.ZONE_LABEL, "a"));
        cache.addNode(node("b1", "4", "8Gi", SchedulerCache.ZONE_LABEL, "b"));
        cache.updateSnapshot(snapshot);
        assertThat(snapshot.nodes()).extracting(NodeInfo::name).containsExactly("a1", "b1", "a2");
        NodeInfo a1 = snapshot.node("a1");
        NodeInfo[] array = snapshot.nodes;

        cache.addPod(bound(pod("x", "1", "1Gi"), "b1"));
        cache.updateSnapshot(snapshot);

        assertThat(snapshot.nodes).as("no rebuild for a pod change").isSameAs(array);
        assertThat(snapshot.node("a1")).isSameAs(a1);
        assertThat(snapshot.node("b1").pods()).hasSize(1);
    }

    @Test
    void podsMayArriveBeforeTheirNode() {
        cache.addPod(bound(pod("x", "1", "1Gi"), "late"));
        cache.updateSnapshot(snapshot);
        assertThat(snapshot.size()).isZero();

        cache.addNode(node("late", "4", "8Gi"));
        cache.updateSnapshot(snapshot);
        assertThat(snapshot.node("late").pods()).hasSize(1);
    }
}
