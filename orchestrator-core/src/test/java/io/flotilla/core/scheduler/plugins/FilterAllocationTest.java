package io.flotilla.core.scheduler.plugins;

import static io.flotilla.core.scheduler.plugins.PluginFixtures.HOSTNAME;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.ZONE;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.info;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.labeled;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.pod;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.zonedNode;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.Affinity;
import io.flotilla.api.core.NodeAffinity;
import io.flotilla.api.core.NodeSelectorRequirement;
import io.flotilla.api.core.NodeSelectorTerm;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodAffinityTerm;
import io.flotilla.api.core.PodAntiAffinity;
import io.flotilla.api.core.Taint;
import io.flotilla.api.core.Toleration;
import io.flotilla.api.core.TopologySpreadConstraint;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.FilterPlugin;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PluginArgs;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PreFilterPlugin;
import io.flotilla.api.scheduler.ScorePlugin;
import io.flotilla.core.scheduler.plugins.PluginFixtures.FakeHandle;
import io.flotilla.core.scheduler.plugins.interpodaffinity.InterPodAffinity;
import io.flotilla.core.scheduler.plugins.nodeunschedulable.NodeUnschedulable;
import io.flotilla.core.scheduler.plugins.noderesources.NodeResourcesFit;
import io.flotilla.core.scheduler.plugins.podtopologyspread.PodTopologySpread;
import io.flotilla.core.scheduler.plugins.tainttoleration.TaintToleration;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filter and Score run per node per pod: on the success path they must not allocate. */
class FilterAllocationTest {

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void filtersAndScoresOfAFittingNodeDoNotAllocate() {
        List<NodeInfo> nodes = List.of(
                info(zonedNode("n1", "a").toBuilder().label("disk", "ssd")
                        .taint(Taint.of("dedicated", "web", "NoSchedule")).build(), labeled(pod("db"), "app", "db")),
                info(zonedNode("n2", "b").toBuilder().label("disk", "ssd").build()));
        Pod p = labeled(pod("web", "100m", "64Mi"), "app", "web").toBuilder()
                .toleration(Toleration.exists("dedicated"))
                .affinity(new Affinity(NodeAffinity.required(NodeSelectorTerm.of(
                        NodeSelectorRequirement.in("disk", "ssd"))), null,
                        PodAntiAffinity.required(PodAffinityTerm.of(LabelSelector.matchLabel("app", "web"), HOSTNAME))))
                .topologySpread(TopologySpreadConstraint.of(1, ZONE, LabelSelector.matchLabel("app", "web")))
                .build();
        FakeHandle handle = new FakeHandle().nodes(nodes);
        List<FilterPlugin> filters = List.of(new NodeUnschedulable(), new TaintToleration(),
                new io.flotilla.core.scheduler.plugins.nodeaffinity.NodeAffinity(),
                new NodeResourcesFit(PluginArgs.EMPTY), new InterPodAffinity(PluginArgs.EMPTY, handle),
                new PodTopologySpread(PluginArgs.EMPTY, handle));
        PodInfo pod = PodInfo.of(p);
        CycleState state = new CycleState();
        for (FilterPlugin f : filters) {
            if (f instanceof PreFilterPlugin pre) {
                assertThat(pre.preFilter(state, pod, nodes).status().isSuccess()).isTrue();
            }
        }
        ScorePlugin fit = new NodeResourcesFit(PluginArgs.EMPTY);
        ScorePlugin taints = new TaintToleration();
        FilterPlugin[] array = filters.toArray(FilterPlugin[]::new);
        NodeInfo n1 = nodes.get(0);
        long sink = 0;
        for (int round = 0; round < 2; round++) {
            long before = allocatedBytes();
            for (int i = 0; i < 20_000; i++) {
                for (FilterPlugin f : array) {
                    sink += f.filter(state, pod, n1).isSuccess() ? 1 : 0;
                }
                sink += fit.score(state, pod, n1) + taints.score(state, pod, n1);
            }
            long allocated = allocatedBytes() - before;
            if (round == 1) {
                // 120,000 filter calls and 40,000 score calls; allow a little noise from the JVM itself.
                assertThat(allocated).isLessThan(64 * 1024);
            }
        }
        assertThat(sink).isPositive();
    }
}
