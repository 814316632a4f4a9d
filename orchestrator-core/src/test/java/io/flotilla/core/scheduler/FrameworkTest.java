package io.flotilla.core.scheduler;

import static io.flotilla.core.scheduler.Fixtures.node;
import static io.flotilla.core.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.Pod;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.FilterPlugin;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.NodeScores;
import io.flotilla.api.scheduler.PermitPlugin;
import io.flotilla.api.scheduler.PermitResult;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PostBindPlugin;
import io.flotilla.api.scheduler.PreBindPlugin;
import io.flotilla.api.scheduler.PreFilterPlugin;
import io.flotilla.api.scheduler.PreFilterResult;
import io.flotilla.api.scheduler.PreScorePlugin;
import io.flotilla.api.scheduler.ReservePlugin;
import io.flotilla.api.scheduler.ScorePlugin;
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FrameworkTest {

    private final VirtualClock clock = VirtualClock.create();
    private final Fixtures.FakeBinder binder = new Fixtures.FakeBinder();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    /** One plugin at every extension point, logging each call, with configurable reserve and permit answers. */
    final class Tracer implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, ReservePlugin,
            PermitPlugin, PreBindPlugin, PostBindPlugin {
        private final String name;
        volatile Status reserveStatus = Status.success();
        volatile Function<PodInfo, PermitResult> permit = p -> PermitResult.allow();

        Tracer(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
            calls.add(name + ".preFilter");
            return PreFilterResult.success();
        }

        @Override
        public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
            calls.add(name + ".filter(" + node.name() + ")");
            return Status.success();
        }

        @Override
        public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasible) {
            calls.add(name + ".preScore(" + feasible.size() + ")");
            return Status.success();
        }

        @Override
        public long score(CycleState state, PodInfo pod, NodeInfo node) {
            calls.add(name + ".score(" + node.name() + ")");
            return 0;
        }

        @Override
        public Status normalizeScore(CycleState state, PodInfo pod, NodeScores scores) {
            calls.add(name + ".normalize");
            return Status.success();
        }

        @Override
        public Status reserve(CycleState state, PodInfo pod, String nodeName) {
            calls.add(name + ".reserve");
            return reserveStatus;
        }

        @Override
        public void unreserve(CycleState state, PodInfo pod, String nodeName) {
            calls.add(name + ".unreserve");
        }

        @Override
        public PermitResult permit(CycleState state, PodInfo pod, String nodeName) {
            calls.add(name + ".permit");
            return permit.apply(pod);
        }

        @Override
        public Status preBind(CycleState state, PodInfo pod, String nodeName) {
            calls.add(name + ".preBind");
            return Status.success();
        }

        @Override
        public void postBind(CycleState state, PodInfo pod, String nodeName) {
            calls.add(name + ".postBind");
        }
    }

    private Scheduler scheduler(Tracer... tracers) {
        Registry registry = Registry.empty();
        Profile.Builder profile = Profile.builder(Profile.DEFAULT_SCHEDULER_NAME);
        for (Tracer t : tracers) {
            registry.register(t.name(), (args, handle) -> t);
            profile.plugin(t.name());
        }
        profile.plugin(binder.name());
        Scheduler s = Fixtures.detached(clock, registry, profile.build(), binder);
        s.handlers.addNode(node("n1", "4", "8Gi"));
        s.handlers.addNode(node("n2", "4", "8Gi"));
        return s;
    }

    @Test
    void runsTheExtensionPointsInKubernetesOrder() {
        Scheduler s = scheduler(new Tracer("a"));
        s.handlers.addPod(pod("web", "100m", "64Mi"));

        assertThat(s.scheduleNext()).isTrue();

        assertThat(calls).containsExactly("a.preFilter", "a.filter(n1)", "a.filter(n2)", "a.preScore(2)",
                "a.score(n1)", "a.score(n2)", "a.normalize", "a.reserve", "a.permit", "a.preBind", "a.postBind");
        assertThat(binder.binds).hasSize(1);
    }

    @Test
    void reserveFailureUnreservesEveryPluginInReverseAndForgetsTheAssumption() {
        Tracer a = new Tracer("a");
        Tracer b = new Tracer("b");
        b.reserveStatus = Status.unschedulable("volume taken");
        Scheduler s = scheduler(a, b);
        s.handlers.addPod(pod("web", "100m", "64Mi"));

        s.scheduleNext();

        assertThat(calls).containsSubsequence("a.reserve", "b.reserve", "b.unreserve", "a.unreserve");
        assertThat(calls).doesNotContain("a.permit", "a.preBind");
        assertThat(s.cache.isAssumed("uid-web")).isFalse();
        assertThat(s.cache.podCount()).isZero();
        assertThat(s.queue.whereIs("uid-web")).isEqualTo(QueuedPod.Where.UNSCHEDULABLE);
    }

    @Test
    void permitWaitHoldsThePodUntilAllowedAndTheNextCycleSeesItsReservation() {
        Tracer gang = new Tracer("gang");
        gang.permit = p -> PermitResult.waitFor(Duration.ofSeconds(30));
        Scheduler s = scheduler(gang);
        s.handlers.addPod(pod("member", "3", "64Mi"));

        s.scheduleNext();

        assertThat(binder.binds).isEmpty();
        assertThat(s.cache.isAssumed("uid-member")).isTrue();
        assertThat(s.services.waitingPods().get("uid-member")).isPresent();
        s.services.waitingPods().get("uid-member").orElseThrow().allow("gang");
        assertThat(binder.binds).singleElement().asString().startsWith("member->");
        assertThat(calls).containsSubsequence("gang.permit", "gang.preBind", "gang.postBind");
    }

    @Test
    void permitRejectionOrTimeoutUnreservesAndRequeues() {
        Tracer gang = new Tracer("gang");
        gang.permit = p -> PermitResult.waitFor(Duration.ofSeconds(30));
        Scheduler s = scheduler(gang);
        s.handlers.addPod(pod("one", "100m", "64Mi"));
        s.handlers.addPod(pod("two", "100m", "64Mi"));
        s.scheduleNext();
        s.scheduleNext();

        s.services.waitingPods().get("uid-one").orElseThrow().reject("gang", "group incomplete");
        assertThat(s.cache.isAssumed("uid-one")).isFalse();
        assertThat(s.queue.whereIs("uid-one")).isEqualTo(QueuedPod.Where.UNSCHEDULABLE);

        clock.advance(Duration.ofSeconds(29));
        assertThat(s.cache.isAssumed("uid-two")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(s.cache.isAssumed("uid-two")).isFalse();
        assertThat(s.queue.whereIs("uid-two")).isEqualTo(QueuedPod.Where.UNSCHEDULABLE);
        assertThat(calls.stream().filter(c -> c.equals("gang.unreserve"))).hasSize(2);
        assertThat(binder.binds).isEmpty();
    }

    @Test
    void bindFailureForgetsTheAssumptionAndBacksOff() {
        Scheduler s = scheduler(new Tracer("a"));
        binder.failing = true;
        s.handlers.addPod(pod("web", "100m", "64Mi"));

        s.scheduleNext();

        assertThat(calls).contains("a.unreserve");
        assertThat(s.cache.podCount()).isZero();
        assertThat(s.queue.whereIs("uid-web")).isEqualTo(QueuedPod.Where.BACKOFF);
        binder.failing = false;
        clock.advance(Duration.ofSeconds(1));
        s.queue.flushBackoffCompleted();
        assertThat(s.scheduleNext()).isTrue();
        assertThat(binder.binds).hasSize(1);
    }

    @Test
    void filtersExcludeNodesAndWeightedNormalizedScoresPickTheBest() {
        Registry registry = Registry.empty();
        registry.register("NoN1", (a, h) -> new Fixtures.FakeFilter("NoN1", n -> n.name().equals("n1"),
                Status.unresolvable("node is n1")));
        // raw scores n2=1, n3=2 normalized to 50/100; reverse preference with a higher weight wins
        registry.register("Higher", (a, h) -> new Fixtures.FakeScore("Higher",
                n -> Integer.parseInt(n.name().substring(1)) - 1, true));
        registry.register("Lower", (a, h) -> new Fixtures.FakeScore("Lower",
                n -> n.name().equals("n2") ? 100 : 0, false));
        Profile profile = Profile.builder("default-scheduler").plugin("NoN1").plugin("Higher", 1)
                .plugin("Lower", 3).plugin(binder.name()).build();
        Scheduler s = Fixtures.detached(clock, registry, profile, binder);
        for (String n : List.of("n1", "n2", "n3")) {
            s.handlers.addNode(node(n, "4", "8Gi"));
        }
        s.handlers.addPod(pod("web", "100m", "64Mi"));

        s.scheduleNext();

        assertThat(binder.binds).containsExactly("web->n2");
    }

    @Test
    void unschedulablePodExplainsItselfAndWaitsForARelevantEvent() {
        Registry registry = Registry.empty();
        registry.register("Full", (a, h) -> new Fixtures.FakeFilter("Full", n -> true,
                Status.unschedulable("Insufficient cpu")));
        Profile profile = Profile.builder("default-scheduler").plugin("Full").plugin(binder.name()).build();
        Scheduler s = Fixtures.detached(clock, registry, profile, binder);
        s.handlers.addNode(node("n1", "4", "8Gi"));
        Pod p = pod("web", "100m", "64Mi");
        s.handlers.addPod(p);

        s.scheduleNext();

        assertThat(s.queue.whereIs("uid-web")).isEqualTo(QueuedPod.Where.UNSCHEDULABLE);
        clock.advance(Duration.ofMinutes(4));
        s.queue.flushBackoffCompleted();
        assertThat(s.queue.whereIs("uid-web")).isEqualTo(QueuedPod.Where.UNSCHEDULABLE);
        s.handlers.addNode(node("n2", "4", "8Gi"));
        assertThat(s.queue.whereIs("uid-web")).isEqualTo(QueuedPod.Where.ACTIVE);
    }
}
