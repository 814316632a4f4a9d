package io.flotilla.core.scheduler;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.NodeCondition;
import io.flotilla.api.core.Pod;
import io.flotilla.api.scheduler.BindPlugin;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.FilterPlugin;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.NodeScores;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.ScorePlugin;
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.time.VirtualClock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/** Nodes, pods, fake plugins and a detached scheduler for the scheduler's unit tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Node node(String name, String cpu, String memory, String... labels) {
        Node.Builder b = Node.named(name).capacity("cpu", cpu).capacity("memory", memory).capacity("pods", "110")
                .allocatable("cpu", cpu).allocatable("memory", memory).allocatable("pods", "110")
                .condition(new NodeCondition(NodeCondition.READY, "True", null, null, null, null));
        for (int i = 0; i + 1 < labels.length; i += 2) {
            b.label(labels[i], labels[i + 1]);
        }
        return b.build();
    }

    static Pod pod(String name, String cpu, String memory) {
        return Pod.named(name).namespace("default").metadata(m -> m.uid("uid-" + name))
                .container("app", c -> c.image("nginx:1.27").resources(r -> r.cpu(cpu).memory(memory))).build();
    }

    static Pod pod(String name, String cpu, String memory, int priority) {
        return pod(name, cpu, memory).toBuilder().priority(priority).build();
    }

    /** A filter rejecting nodes that match {@code reject} with {@code status}. */
    record FakeFilter(String name, Predicate<NodeInfo> reject, Status status) implements FilterPlugin {
        @Override
        public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
            return reject.test(node) ? status : Status.success();
        }
    }

    /** A score plugin scoring by {@code score}, optionally normalizing to 0..100. */
    record FakeScore(String name, ToLongFunction<NodeInfo> score, boolean normalize) implements ScorePlugin {
        @Override
        public long score(CycleState state, PodInfo pod, NodeInfo node) {
            return score.applyAsLong(node);
        }

        @Override
        public Status normalizeScore(CycleState state, PodInfo pod, NodeScores scores) {
            if (normalize) {
                NodeScores.normalize(scores, MAX_NODE_SCORE, false);
            }
            return Status.success();
        }
    }

    /**
     * A binder that records binds and, like the informer would, reports the bound pod to the scheduler; fails while
     * {@code failing} is set.
     */
    static final class FakeBinder implements BindPlugin {
        final List<String> binds = new CopyOnWriteArrayList<>();
        volatile boolean failing;
        Scheduler scheduler;

        @Override
        public String name() {
            return "FakeBinder";
        }

        @Override
        public Status bind(CycleState state, PodInfo pod, String nodeName) {
            if (failing) {
                return Status.error("binding refused");
            }
            binds.add(pod.pod().metadata().name() + "->" + nodeName);
            Pod unbound = pod.pod().withSpec(pod.pod().spec().withNodeName(null));
            scheduler.handlers.updatePod(unbound, pod.pod());
            return Status.success();
        }
    }

    /** A detached scheduler with a direct binding executor, a seed, and {@code binder} registered. */
    static Scheduler detached(VirtualClock clock, Registry registry, Profile profile, FakeBinder binder) {
        registry.register(binder.name(), (args, handle) -> binder);
        Scheduler s = Scheduler.detached().clock(clock).registry(registry).profile(profile)
                .bindingExecutor(Runnable::run).seed(7).build();
        binder.scheduler = s;
        return s;
    }

    static Map<String, String> labels(String... kv) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
