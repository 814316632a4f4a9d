package io.flotilla.core.scheduler.plugins.defaultpreemption;

import static io.flotilla.core.scheduler.plugins.PluginFixtures.info;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.node;
import static io.flotilla.core.scheduler.plugins.PluginFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.NodeToStatus;
import io.flotilla.api.scheduler.PluginArgs;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PostFilterResult;
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.scheduler.plugins.PluginFixtures.FakeHandle;
import io.flotilla.core.scheduler.plugins.noderesources.NodeResourcesFit;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultPreemptionTest {

    private static Pod prio(String name, int priority, String cpu) {
        return pod(name, cpu, null).toBuilder().priority(priority).build();
    }

    private static Pod started(Pod pod, String instant) {
        return pod.withStatus(new PodStatus("Running", List.of(), null, null, null, null, List.of(),
                Instant.parse(instant), List.of(), List.of(), null));
    }

    private static final NodeToStatus ALL_UNSCHEDULABLE = name -> Status.unschedulable("Insufficient cpu");

    private static FakeHandle handle(NodeInfo... nodes) {
        return new FakeHandle().nodes(nodes).filters(new NodeResourcesFit(PluginArgs.EMPTY));
    }

    private static PostFilterResult preempt(FakeHandle handle, Pod preemptor, NodeToStatus statuses) {
        CycleState state = handle.preFilter(new CycleState(), preemptor);
        return new DefaultPreemption(PluginArgs.EMPTY, handle).postFilter(state, PodInfo.of(preemptor), statuses);
    }

    private static List<String> names(List<Pod> pods) {
        return pods.stream().map(p -> p.metadata().name()).toList();
    }

    @Test
    void prefersTheNodeWhoseHighestVictimHasTheLowestPriority() {
        FakeHandle h = handle(info(node("n1", "2", "4Gi"), prio("mid", 5, "2")),
                info(node("n2", "2", "4Gi"), prio("low1", 1, "1"), prio("low2", 2, "1")));
        PostFilterResult r = preempt(h, prio("vip", 10, "2"), ALL_UNSCHEDULABLE);
        assertThat(r.nominatedNodeName()).isEqualTo("n2");
        assertThat(names(h.evicted)).containsExactly("low2", "low1");
    }

    @Test
    void thenTheSmallestSumOfPriorities() {
        FakeHandle h = handle(info(node("n1", "2", "4Gi"), prio("a", 3, "1"), prio("b", 1, "1")),
                info(node("n2", "2", "4Gi"), prio("c", 3, "2")));
        assertThat(preempt(h, prio("vip", 10, "2"), ALL_UNSCHEDULABLE).nominatedNodeName()).isEqualTo("n2");
        assertThat(names(h.evicted)).containsExactly("c");
    }

    @Test
    void reprievesAsManyPodsAsPossibleMostImportantFirst() {
        FakeHandle h = handle(info(node("n1", "4", "4Gi"), prio("p1", 1, "1"), prio("p2", 2, "1"),
                prio("p3", 3, "2")));
        assertThat(preempt(h, prio("vip", 10, "2"), ALL_UNSCHEDULABLE).nominatedNodeName()).isEqualTo("n1");
        assertThat(names(h.evicted)).containsExactly("p2", "p1");
    }

    @Test
    void thenTheLatestStartAmongTheHighestPriorityVictims() {
        FakeHandle h = handle(
                info(node("old", "2", "4Gi"), started(prio("a", 1, "2"), "2026-01-01T00:00:00Z")),
                info(node("young", "2", "4Gi"), started(prio("b", 1, "2"), "2026-01-01T05:00:00Z")));
        assertThat(preempt(h, prio("vip", 10, "2"), ALL_UNSCHEDULABLE).nominatedNodeName()).isEqualTo("young");
        assertThat(names(h.evicted)).containsExactly("b");
    }

    @Test
    void neverEvictsPodsOfEqualOrHigherPriority() {
        FakeHandle h = handle(info(node("n1", "2", "4Gi"), prio("peer", 10, "2")),
                info(node("n2", "2", "4Gi"), prio("boss", 20, "2")));
        PostFilterResult r = preempt(h, prio("vip", 10, "2"), ALL_UNSCHEDULABLE);
        assertThat(r.nominatedNodeName()).isNull();
        assertThat(r.status().reasons()).containsExactly(
                "preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod");
        assertThat(h.evicted).isEmpty();
    }

    @Test
    void skipsUnresolvableNodesAndReportsNodesWhereEvictionIsNotEnough() {
        FakeHandle h = handle(info(node("small", "1", "4Gi"), prio("low", 1, "1")),
                info(node("tainted", "8", "4Gi"), prio("low2", 1, "1")));
        NodeToStatus statuses = name -> name.equals("tainted")
                ? Status.unresolvable("node(s) had untolerated taint {a: b}")
                : Status.unschedulable("Insufficient cpu");
        PostFilterResult r = preempt(h, prio("vip", 10, "2"), statuses);
        assertThat(r.status().code()).isEqualTo(Status.Code.UNSCHEDULABLE);
        assertThat(r.status().reasons()).containsExactly("preemption: 0/2 nodes are available: 1 Insufficient cpu,"
                + " 1 Preemption is not helpful for scheduling");
        assertThat(h.evicted).isEmpty();
    }

    @Test
    void evictsOnlyWhatTheChosenNodeNeeds() {
        FakeHandle h = handle(info(node("n1", "4", "4Gi"), prio("keep", 5, "2"), prio("go", 1, "2")));
        PostFilterResult r = preempt(h, prio("vip", 10, "2"), ALL_UNSCHEDULABLE);
        assertThat(r.status().isSuccess()).isTrue();
        assertThat(Set.copyOf(names(h.evicted))).containsExactly("go");
    }

    @Test
    void stopsSearchingOnceEnoughCandidatesAreFound() {
        FakeHandle h = handle(info(node("n1", "2", "4Gi"), prio("mid", 5, "2")),
                info(node("n2", "2", "4Gi"), prio("low", 1, "2")));
        PluginArgs oneCandidate = PluginArgs.of(java.util.Map.of("minCandidateNodesPercentage", 0,
                "minCandidateNodesAbsolute", 1));
        CycleState state = h.preFilter(new CycleState(), prio("vip", 10, "2"));
        PostFilterResult r = new DefaultPreemption(oneCandidate, h).postFilter(state, PodInfo.of(prio("vip", 10, "2")),
                ALL_UNSCHEDULABLE);
        // n2 would be better, but the search stopped at the first candidate.
        assertThat(r.nominatedNodeName()).isEqualTo("n1");
        assertThat(names(h.evicted)).containsExactly("mid");
    }
}
