package io.flotilla.core.scheduler.plugins;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.api.scheduler.ClusterSnapshot;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.FilterPlugin;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.NodeScores;
import io.flotilla.api.scheduler.ObjectLookup;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PreFilterPlugin;
import io.flotilla.api.scheduler.PreFilterResult;
import io.flotilla.api.scheduler.PreScorePlugin;
import io.flotilla.api.scheduler.SchedulerHandle;
import io.flotilla.api.scheduler.ScorePlugin;
import io.flotilla.api.scheduler.Status;
import io.flotilla.api.scheduler.WaitingPod;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** Shared fixtures of the in-tree plugin tests: terse nodes and pods, and a fake scheduler handle. */
public final class PluginFixtures {

    public static final String HOSTNAME = "kubernetes.io/hostname";
    public static final String ZONE = "topology.kubernetes.io/zone";

    private PluginFixtures() {
    }

    /** A node with 110 allocatable pods and its hostname label, plus {@code edit}. */
    public static Node node(String name, String cpu, String memory) {
        return Node.named(name).label(HOSTNAME, name).allocatable("cpu", cpu).allocatable("memory", memory)
                .allocatable("pods", "110").build();
    }

    /** A 4-cpu 8Gi node. */
    public static Node node(String name) {
        return node(name, "4", "8Gi");
    }

    /** A 4-cpu 8Gi node in a zone. */
    public static Node zonedNode(String name, String zone) {
        return node(name).toBuilder().label(ZONE, zone).build();
    }

    /** A pod with one container requesting {@code cpu} and {@code memory} (null for none). */
    public static Pod pod(String name, String cpu, String memory) {
        return Pod.named(name).namespace("default").container("app", c -> c.image("nginx:1.27").resources(r -> {
            if (cpu != null) {
                r.cpu(cpu);
            }
            if (memory != null) {
                r.memory(memory);
            }
        })).build();
    }

    /** A pod without requests. */
    public static Pod pod(String name) {
        return pod(name, null, null);
    }

    /** {@code pod} with the given labels added. */
    public static Pod labeled(Pod pod, String... keyValues) {
        Pod.Builder b = pod.toBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            b.label(keyValues[i], keyValues[i + 1]);
        }
        return b.build();
    }

    /** {@code pod} placed on {@code node}. */
    public static Pod on(Pod pod, String node) {
        return pod.withSpec(pod.spec().withNodeName(node));
    }

    /** A NodeInfo of {@code node} holding {@code pods}. */
    public static NodeInfo info(Node node, Pod... pods) {
        return NodeInfo.of(node, Arrays.stream(pods).map(p -> PodInfo.of(on(p, node.metadata().name()))).toList());
    }

    /** Runs PreFilter (if the plugin has one, failing the test on error) then Filter. */
    public static Status filter(FilterPlugin plugin, CycleState state, Pod pod, NodeInfo node, List<NodeInfo> all) {
        PodInfo p = PodInfo.of(pod);
        if (plugin instanceof PreFilterPlugin pre) {
            PreFilterResult r = pre.preFilter(state, p, all);
            if (r.status().isSkip()) {
                return Status.success();
            }
            if (!r.status().isSuccess()) {
                return r.status();
            }
        }
        return plugin.filter(state, p, node);
    }

    /** Runs PreScore (if any), Score on every node and normalize; returns node name → final score, in order. */
    public static Map<String, Long> scores(ScorePlugin plugin, Pod pod, List<NodeInfo> nodes) {
        CycleState state = new CycleState();
        PodInfo p = PodInfo.of(pod);
        Map<String, Long> out = new LinkedHashMap<>();
        if (plugin instanceof PreScorePlugin pre) {
            Status s = pre.preScore(state, p, nodes);
            if (s.isSkip()) {
                nodes.forEach(n -> out.put(n.name(), 0L));
                return out;
            }
            if (!s.isSuccess()) {
                throw new AssertionError("preScore failed: " + s);
            }
        }
        long[] raw = new long[nodes.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = plugin.score(state, p, nodes.get(i));
        }
        Status s = plugin.normalizeScore(state, p, new ArrayScores(nodes, raw));
        if (!s.isSuccess()) {
            throw new AssertionError("normalize failed: " + s);
        }
        for (int i = 0; i < raw.length; i++) {
            out.put(nodes.get(i).name(), raw[i]);
        }
        return out;
    }

    /** NodeScores over an array. */
    public record ArrayScores(List<NodeInfo> nodes, long[] raw) implements NodeScores {
        @Override
        public int size() {
            return raw.length;
        }

        @Override
        public NodeInfo node(int index) {
            return nodes.get(index);
        }

        @Override
        public long score(int index) {
            return raw[index];
        }

        @Override
        public void setScore(int index, long score) {
            raw[index] = score;
        }
    }

    /** A snapshot over a list of nodes. */
    public static final class Snapshot implements ClusterSnapshot {
        private final List<NodeInfo> nodes;

        public Snapshot(List<NodeInfo> nodes) {
            this.nodes = List.copyOf(nodes);
        }

        @Override
        public List<NodeInfo> nodes() {
            return nodes;
        }

        @Override
        public int size() {
            return nodes.size();
        }

        @Override
        public NodeInfo node(String name) {
            return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
        }

        @Override
        public List<NodeInfo> nodesWithPodAffinity() {
            return nodes.stream().filter(n -> !n.podsWithAffinity().isEmpty()).toList();
        }

        @Override
        public List<NodeInfo> nodesWithRequiredAntiAffinity() {
            return nodes.stream().filter(n -> !n.podsWithRequiredAntiAffinity().isEmpty()).toList();
        }

        @Override
        public int imageNodeCount(String image) {
            return (int) nodes.stream().filter(n -> n.imageSizes().containsKey(image)).count();
        }
    }

    /** A handle over a fixed snapshot and objects, recording evictions; filters run the given plugins. */
    public static final class FakeHandle implements SchedulerHandle {
        public final List<Pod> evicted = new ArrayList<>();
        private Snapshot snapshot = new Snapshot(List.of());
        private final List<Resource> objects = new ArrayList<>();
        private final List<FilterPlugin> filters = new ArrayList<>();
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        public FakeHandle nodes(List<NodeInfo> nodes) {
            snapshot = new Snapshot(nodes);
            return this;
        }

        public FakeHandle nodes(NodeInfo... nodes) {
            return nodes(List.of(nodes));
        }

        public FakeHandle objects(Resource... more) {
            objects.addAll(List.of(more));
            return this;
        }

        public FakeHandle filters(FilterPlugin... plugins) {
            filters.addAll(List.of(plugins));
            return this;
        }

        public FakeHandle now(Instant instant) {
            now = instant;
            return this;
        }

        @Override
        public String profileName() {
            return "default-scheduler";
        }

        @Override
        public Snapshot snapshot() {
            return snapshot;
        }

        @Override
        public InstantSource clock() {
            return () -> now;
        }

        @Override
        public ObjectLookup objects() {
            return new ObjectLookup() {
                @Override
                public <T extends Resource> Optional<T> get(ResourceType<T> type, String namespace, String name) {
                    return list(type, namespace).stream().filter(o -> o.metadata().name().equals(name)).findFirst();
                }

                @Override
                public <T extends Resource> List<T> list(ResourceType<T> type, String namespace) {
                    return objects.stream().filter(o -> o.type().equals(type))
                            .filter(o -> namespace == null || Objects.equals(namespace, nsOf(o)))
                            .map(o -> type.javaType().cast(o)).toList();
                }
            };
        }

        private static String nsOf(Resource o) {
            String ns = o.metadata().namespace();
            return ns == null ? "default" : ns;
        }

        @Override
        public Status runFilterPlugins(CycleState state, PodInfo pod, NodeInfo node) {
            for (FilterPlugin f : filters) {
                Status s = f.filter(state, pod, node);
                if (!s.isSuccess()) {
                    return s.withPlugin(f.name());
                }
            }
            return Status.success();
        }

        @Override
        public Status runPreFilterAddPod(CycleState state, PodInfo pod, PodInfo added, NodeInfo node) {
            for (FilterPlugin f : filters) {
                if (f instanceof PreFilterPlugin p) {
                    p.addPod(state, pod, added, node);
                }
            }
            return Status.success();
        }

        @Override
        public Status runPreFilterRemovePod(CycleState state, PodInfo pod, PodInfo removed, NodeInfo node) {
            for (FilterPlugin f : filters) {
                if (f instanceof PreFilterPlugin p) {
                    p.removePod(state, pod, removed, node);
                }
            }
            return Status.success();
        }

        /** Runs every filter's PreFilter into {@code state}. */
        public CycleState preFilter(CycleState state, Pod pod) {
            Set<String> seen = new HashSet<>();
            for (FilterPlugin f : filters) {
                if (f instanceof PreFilterPlugin p && seen.add(f.name())) {
                    p.preFilter(state, PodInfo.of(pod), snapshot.nodes());
                }
            }
            return state;
        }

        @Override
        public List<PodInfo> nominatedPods(String nodeName) {
            return List.of();
        }

        @Override
        public CompletionStage<Void> evict(Pod victim, Pod preemptor) {
            evicted.add(victim);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void recordEvent(Resource regarding, String type, String reason, String message) {
        }

        @Override
        public Optional<WaitingPod> waitingPod(String podId) {
            return Optional.empty();
        }

        @Override
        public void forEachWaitingPod(Consumer<WaitingPod> action) {
        }
    }
}
