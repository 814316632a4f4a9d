package io.flotilla.core.scheduler;

import static io.flotilla.core.scheduler.Fixtures.node;
import static io.flotilla.core.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.Pod;
import io.flotilla.api.core.TopologySpreadConstraint;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.core.time.VirtualClock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The built-in profiles with the in-tree plugins, end to end on a detached scheduler. */
class SchedulingProfilesTest {

    private static final String ZONE = "topology.kubernetes.io/zone";

    private final VirtualClock clock = VirtualClock.create();
    private final Fixtures.FakeBinder binder = new Fixtures.FakeBinder();

    private Scheduler scheduler(Profile profile) {
        Profile withFakeBinder = profile.toBuilder().disable(DefaultBinder.NAME).plugin(binder.name()).build();
        return Fixtures.detached(clock, Registry.inTree(), withFakeBinder, binder);
    }

    private static void drain(Scheduler s) {
        while (s.scheduleNext()) {
            // one cycle per pod
        }
    }

    /** Bound pods per node, from the binder's "pod->node" records. */
    private Map<String, Integer> perNode() {
        Map<String, Integer> counts = new TreeMap<>();
        binder.binds.forEach(b -> counts.merge(b.substring(b.indexOf("->") + 2), 1, Integer::sum));
        return counts;
    }

    @Test
    void spreadProfilePlacesThirtyReplicasTenPerZone() {
        Scheduler s = scheduler(Scheduling.spread());
        // Uneven zones: LeastAllocated alone would put 5 pods on each of the 6 nodes (5/10/15 per zone).
        s.handlers.addNode(node("a1", "32", "64Gi", ZONE, "a"));
        s.handlers.addNode(node("b1", "32", "64Gi", ZONE, "b"));
        s.handlers.addNode(node("b2", "32", "64Gi", ZONE, "b"));
        s.handlers.addNode(node("c1", "32", "64Gi", ZONE, "c"));
        s.handlers.addNode(node("c2", "32", "64Gi", ZONE, "c"));
        s.handlers.addNode(node("c3", "32", "64Gi", ZONE, "c"));
        for (int i = 0; i < 30; i++) {
            Pod p = pod("web-" + i, "100m", "64Mi").toBuilder().label("app", "web")
                    .topologySpread(TopologySpreadConstraint.of(1, ZONE, LabelSelector.matchLabel("app", "web")))
                    .build();
            s.handlers.addPod(p);
        }

        drain(s);

        assertThat(binder.binds).hasSize(30);
        Map<String, Integer> zones = new TreeMap<>();
        perNode().forEach((node, n) -> zones.merge(node.substring(0, 1), n, Integer::sum));
        assertThat(zones).containsExactly(Map.entry("a", 10), Map.entry("b", 10), Map.entry("c", 10));
    }

    @Test
    void binPackingFillsOneNodeBeforeTheNext() {
        Scheduler s = scheduler(Scheduling.binPacking());
        for (String n : List.of("n1", "n2", "n3")) {
            s.handlers.addNode(node(n, "4", "8Gi"));
        }
        for (int i = 0; i < 8; i++) {
            s.handlers.addPod(pod("job-" + i, "1", "1Gi"));
        }

        drain(s);

        assertThat(binder.binds).hasSize(8);
        assertThat(perNode().values()).containsExactlyInAnyOrder(4, 4);
        String first = binder.binds.get(0).substring(binder.binds.get(0).indexOf("->") + 2);
        assertThat(binder.binds.subList(0, 4)).allSatisfy(b -> assertThat(b).endsWith("->" + first));
    }

    @Test
    void spreadProfileBalancesEqualNodes() {
        Scheduler s = scheduler(Scheduling.spread());
        for (String n : List.of("n1", "n2", "n3")) {
            s.handlers.addNode(node(n, "4", "8Gi"));
        }
        for (int i = 0; i < 9; i++) {
            s.handlers.addPod(pod("web-" + i, "250m", "256Mi"));
        }

        drain(s);

        assertThat(perNode()).containsExactly(Map.entry("n1", 3), Map.entry("n2", 3), Map.entry("n3", 3));
    }

    @Test
    void preemptionInTheDefaultProfileEvictsLowerPriorityPodsAndNominatesTheNode() {
        Scheduler s = scheduler(Scheduling.spread());
        s.handlers.addNode(node("n1", "2", "4Gi"));
        s.handlers.addPod(pod("batch", "2", "1Gi", 1));
        drain(s);
        assertThat(binder.binds).containsExactly("batch->n1");

        s.handlers.addPod(pod("vip", "2", "1Gi", 100));
        drain(s);

        // No API server in a detached scheduler, so the eviction itself fails; the attempt is what matters here.
        assertThat(binder.binds).containsExactly("batch->n1");
        assertThat(s.pendingPods()).isEqualTo(1);
    }
}
