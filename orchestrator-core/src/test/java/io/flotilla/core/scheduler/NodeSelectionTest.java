package io.flotilla.core.scheduler;

import static io.flotilla.core.scheduler.Fixtures.node;
import static io.flotilla.core.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.FilterPlugin;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.time.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NodeSelectionTest {

    private final VirtualClock clock = VirtualClock.create();

    @Test
    void feasibleNodesToFindFollowsKubernetesAdaptivePercentage() {
        assertThat(NodeSelection.numFeasibleNodesToFind(null, 50)).isEqualTo(50);
        assertThat(NodeSelection.numFeasibleNodesToFind(null, 150)).isEqualTo(100);
        assertThat(NodeSelection.numFeasibleNodesToFind(null, 1000)).isEqualTo(420);
        assertThat(NodeSelection.numFeasibleNodesToFind(null, 5000)).isEqualTo(500);
        assertThat(NodeSelection.numFeasibleNodesToFind(null, 10000)).isEqualTo(500);
        assertThat(NodeSelection.numFeasibleNodesToFind(10, 500)).isEqualTo(100);
        assertThat(NodeSelection.numFeasibleNodesToFind(100, 5000)).isEqualTo(5000);
    }

    /** Counts filter calls per node. */
    static final class Counting implements FilterPlugin {
        final List<String> seen = new ArrayList<>();

        @Override
        public String name() {
            return "Counting";
        }

        @Override
        public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
            seen.add(node.name());
            return Status.success();
        }
    }

    private Snapshot snapshot(int nodes) {
        SchedulerCache cache = new SchedulerCache(clock, java.time.Duration.ofSeconds(30));
        for (int i = 0; i < nodes; i++) {
            cache.addNode(node(String.format("n%03d", i), "4", "8Gi"));
        }
        Snapshot s = new Snapshot();
        cache.updateSnapshot(s);
        return s;
    }

    private NodeSelection selection(FilterPlugin filter, int percentage, long seed) {
        Registry r = Registry.empty();
        r.register(filter.name(), (a, h) -> filter);
        r.register("FakeBinder", (a, h) -> new Fixtures.FakeBinder());
        Profile p = Profile.builder("default-scheduler").plugin(filter.name()).plugin("FakeBinder")
                .percentageOfNodesToScore(percentage).build();
        SchedulerServices services = new SchedulerServices(clock, null, null, null, new Nominator(),
                new WaitingPods(clock), new Snapshot(), Runnable::run);
        Framework fwk = new Framework(p, r, new FrameworkHandle("default-scheduler", services));
        return new NodeSelection(fwk, services.nominator(), new SplittableRandom(seed));
    }

    @Test
    void samplingStopsAfterEnoughFeasibleNodesAndTheNextCycleContinuesWhereItStopped() {
        Counting filter = new Counting();
        NodeSelection sel = selection(filter, 10, 1);
        Snapshot snap = snapshot(1000);
        Framework fwk = fwkOf(sel);

        ScheduleResult first = sel.schedule(fwk.newCycleState(), PodInfo.of(pod("a", "1", "1Mi")), snap);
        assertThat(first.evaluated()).isEqualTo(100);
        assertThat(filter.seen).hasSize(100).startsWith("n000").endsWith("n099");

        filter.seen.clear();
        sel.schedule(fwk.newCycleState(), PodInfo.of(pod("b", "1", "1Mi")), snap);
        assertThat(filter.seen).hasSize(100).startsWith("n100");
    }

    @Test
    void tiesAreBrokenAtRandomReproduciblyWithASeedAndSpreadOverTheTiedNodes() {
        Snapshot snap = snapshot(5);
        List<String> run1 = picks(selection(new Counting(), 100, 42), snap);
        List<String> run2 = picks(selection(new Counting(), 100, 42), snap);
        List<String> other = picks(selection(new Counting(), 100, 43), snap);

        assertThat(run1).isEqualTo(run2);
        assertThat(run1).isNotEqualTo(other);
        assertThat(run1).containsAll(List.of("n000", "n001", "n002", "n003", "n004"));
    }

    private List<String> picks(NodeSelection sel, Snapshot snap) {
        List<String> out = new ArrayList<>();
        Framework fwk = fwkOf(sel);
        for (int i = 0; i < 50; i++) {
            out.add(sel.schedule(fwk.newCycleState(), PodInfo.of(pod("p" + i, "1", "1Mi")), snap).nodeName());
        }
        return out;
    }

    private static Framework fwkOf(NodeSelection sel) {
        try {
            var f = NodeSelection.class.getDeclaredField("fwk");
            f.setAccessible(true);
            return (Framework) f.get(sel);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
