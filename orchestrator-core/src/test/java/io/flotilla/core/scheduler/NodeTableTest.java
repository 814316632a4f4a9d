package io.flotilla.core.scheduler;

import static io.flotilla.core.scheduler.Fixtures.node;
import static io.flotilla.core.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Taint;
import io.flotilla.api.core.Toleration;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PluginArgs;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.core.scheduler.plugins.nodename.NodeName;
import io.flotilla.core.scheduler.plugins.noderesources.NodeResourcesBalancedAllocation;
import io.flotilla.core.scheduler.plugins.noderesources.NodeResourcesFit;
import io.flotilla.core.scheduler.plugins.nodeunschedulable.NodeUnschedulable;
import io.flotilla.core.scheduler.plugins.tainttoleration.TaintToleration;
import io.flotilla.core.scheduler.table.NodeTable;
import io.flotilla.core.scheduler.table.TableCheck;
import io.flotilla.core.scheduler.table.TableFilter;
import io.flotilla.core.scheduler.table.TableScore;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The node-table fast path must give exactly the per-node verdicts and scores: a node passing a plugin's table
 * check is one its filter accepts (and a node it rejects fails the check), and table scores equal per-node scores,
 * over random nodes (cordoned, tainted, full, overcommitted) kept current through assumes and removals.
 */
class NodeTableTest {

    private final SplittableRandom random = new SplittableRandom(42);
    private final SchedulerCache cache = new SchedulerCache(VirtualClock.create(), Duration.ofSeconds(30));
    private final Snapshot snapshot = new Snapshot();

    private final List<TableFilter> filters = List.of(new NodeUnschedulable(), new NodeName(), new TaintToleration(),
            new NodeResourcesFit(PluginArgs.of(Map.of())),
            new NodeResourcesFit(Scheduling.fitArgs(Scheduling.MOST_ALLOCATED)));
    private final List<TableScore> scores = List.of(new TaintToleration(),
            new NodeResourcesFit(PluginArgs.of(Map.of())),
            new NodeResourcesFit(Scheduling.fitArgs(Scheduling.MOST_ALLOCATED)),
            new NodeResourcesBalancedAllocation(PluginArgs.of(Map.of())));

    private Node randomNode(int i) {
        Node n = node("n" + i, String.valueOf(1 + random.nextInt(4)), (1 + random.nextInt(8)) + "Gi");
        Node.Builder b = n.toBuilder();
        switch (random.nextInt(6)) {
            case 0 -> b.unschedulable(true);
            case 1 -> b.taint(new Taint("dedicated", "gpu", Taint.NO_SCHEDULE, null));
            case 2 -> b.taint(new Taint("soft", "x", Taint.PREFER_NO_SCHEDULE, null));
            case 3 -> b.allocatable("pods", String.valueOf(random.nextInt(3)));
            default -> { }
        }
        return b.build();
    }

    private List<Pod> pods() {
        Pod plain = pod("plain", "500m", "1Gi");
        return List.of(plain, pod("big", "3", "6Gi"), pod("empty", "0", "0"),
                plain.toBuilder().toleration(Toleration.exists("dedicated"))
                        .toleration(Toleration.exists(Taint.UNSCHEDULABLE)).build(),
                plain.withSpec(plain.spec().withNodeName("n3")),
                pod("gpu", "100m", "1Mi").toBuilder().container("extra", c -> c.image("x")
                        .resources(r -> r.request("example.com/gpu", "1"))).build());
    }

    private void fill() {
        for (int i = 0; i < 60; i++) {
            cache.addNode(randomNode(i));
        }
        for (int i = 0; i < 150; i++) {
            cache.assume(PodInfo.of(pod("p" + i, (random.nextInt(12) * 100) + "m", random.nextInt(3000) + "Mi")),
                    "n" + random.nextInt(60));
        }
        cache.updateSnapshot(snapshot);
    }

    @Test
    void tableChecksAndScoresAgreeWithThePerNodePlugins() {
        fill();
        check();
        // the rows follow changes: remove some pods, add others, and compare again
        for (int i = 0; i < 50; i++) {
            cache.forget("uid-p" + i);
            cache.assume(PodInfo.of(pod("q" + i, "700m", "2Gi")), "n" + random.nextInt(60));
        }
        cache.updateSnapshot(snapshot);
        check();
    }

    private void check() {
        NodeTable table = snapshot.table;
        assertThat(table.size()).isEqualTo(snapshot.size());
        int[] rows = IntStream.range(0, table.size()).toArray();
        int passed = 0;
        int sentToPerNode = 0;
        for (Pod p : pods()) {
            PodInfo pod = PodInfo.of(p);
            CycleState state = new CycleState();
            for (TableFilter f : filters) {
                TableCheck check = f.tableCheck(state, pod);
                if (check == null) {
                    continue;
                }
                for (int row : rows) {
                    NodeInfo node = table.node(row);
                    boolean fits = f.filter(state, pod, node).isSuccess();
                    if (check.passes(table, row)) {
                        assertThat(fits).as("%s on %s for %s", f.name(), node, p.metadata().name()).isTrue();
                        passed++;
                    } else {
                        sentToPerNode++;
                    }
                }
            }
            for (TableScore s : scores) {
                long[] out = new long[rows.length];
                if (s.scoreTable(state, pod, table, rows, rows.length, out)) {
                    for (int row : rows) {
                        assertThat(out[row]).as("%s on %s", s.name(), table.node(row))
                                .isEqualTo(s.score(state, pod, table.node(row)));
                    }
                }
            }
        }
        assertThat(passed).isPositive();
        assertThat(sentToPerNode).isPositive();
    }

    @Test
    void aPodWithExtendedResourcesOrANodeNameIsFilteredNodeByNode() {
        Pod gpu = pod("gpu", "100m", "1Mi").toBuilder().container("extra", c -> c.image("x")
                .resources(r -> r.request("example.com/gpu", "1"))).build();
        Pod pinned = pod("pinned", "100m", "1Mi");
        pinned = pinned.withSpec(pinned.spec().withNodeName("n1"));
        assertThat(new NodeResourcesFit(PluginArgs.of(Map.of())).tableCheck(new CycleState(), PodInfo.of(gpu)))
                .isNull();
        assertThat(new NodeName().tableCheck(new CycleState(), PodInfo.of(pinned))).isNull();
    }
}
