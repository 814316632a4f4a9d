package io.flotilla.core.scheduler.plugins.noderesources;

import io.flotilla.api.core.Node;
import io.flotilla.api.scheduler.ActionType;
import io.flotilla.api.scheduler.ClusterEvent;
import io.flotilla.api.scheduler.ClusterEventWithHint;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.EnqueueExtensions;
import io.flotilla.api.scheduler.EventResource;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PluginArgs;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.QueueingHint;
import io.flotilla.api.scheduler.Resources;
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.scheduler.table.NodeTable;
import io.flotilla.core.scheduler.table.TableCheck;
import io.flotilla.core.scheduler.table.TableFilter;
import io.flotilla.core.scheduler.table.TableScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Requests against allocatable, like Kubernetes' {@code NodeResourcesFit}.
 *
 * <p>Filter: the pod's requests (the sum over its containers, at least its largest init container) must fit in
 * what the node's pods leave of its allocatable CPU, memory, ephemeral storage and extended resources, and the node
 * must have a pod slot left. Every shortage is one reason: {@code Too many pods}, {@code Insufficient cpu},
 * {@code Insufficient memory}, {@code Insufficient <resource>}. Limits are not considered.
 *
 * <p>Score, by the {@code scoringStrategy} argument ({@code {type: LeastAllocated | MostAllocated, resources:
 * [{name, weight}]}}): per resource {@code (allocatable - requested) * 100 / allocatable} (least) or
 * {@code requested * 100 / allocatable} (most), where requested includes the pod and counts pods without CPU or
 * memory requests as 100m and 200Mi; the weighted average is the node's score. Thread-safe; Filter and Score do not
 * allocate unless the pod does not fit. Over the node table (pods requesting only CPU and memory, scoring on CPU and
 * memory) both read the flat rows instead of the nodes.
 */
public final class NodeResourcesFit implements TableFilter, TableScore, EnqueueExtensions {

    /** The plugin name. */
    public static final String NAME = "NodeResourcesFit";
    /** The spreading strategy (the default). */
    public static final String LEAST_ALLOCATED = "LeastAllocated";
    /** The bin-packing strategy. */
    public static final String MOST_ALLOCATED = "MostAllocated";

    private final boolean mostAllocated;
    private final WeightedResources resources;

    /**
     * Creates the plugin from its arguments.
     *
     * @throws IllegalArgumentException for an unknown strategy or a malformed resource list
     */
    public NodeResourcesFit(PluginArgs args) {
        PluginArgs strategy = args.nested("scoringStrategy");
        String type = strategy.string("type", LEAST_ALLOCATED);
        if (!type.equals(LEAST_ALLOCATED) && !type.equals(MOST_ALLOCATED)) {
            throw new IllegalArgumentException("NodeResourcesFit scoringStrategy.type must be " + LEAST_ALLOCATED
                    + " or " + MOST_ALLOCATED + ", got " + type);
        }
        this.mostAllocated = type.equals(MOST_ALLOCATED);
        this.resources = WeightedResources.parse(strategy.list("resources"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        Resources want = pod.requests();
        boolean tooManyPods = node.podCount() + 1 > node.allocatablePods();
        boolean cpu = want.milliCpu() > 0 && want.milliCpu() > node.allocatableMilliCpu() - node.requestedMilliCpu();
        boolean memory = want.memory() > 0 && want.memory() > node.allocatableMemory() - node.requestedMemory();
        boolean rare = want.ephemeralStorage() > 0 || !want.scalars().isEmpty();
        if (!(tooManyPods || cpu || memory || rare)) {
            return Status.success();
        }
        Resources alloc = node.allocatable();
        Resources used = node.requested();
        boolean storage = want.ephemeralStorage() > 0
                && want.ephemeralStorage() > alloc.ephemeralStorage() - used.ephemeralStorage();
        boolean scalars = !want.scalars().isEmpty() && !insufficientScalars(want, alloc, used).isEmpty();
        if (!(tooManyPods || cpu || memory || storage || scalars)) {
            return Status.success();
        }
        List<String> reasons = new ArrayList<>(4);
        if (tooManyPods) {
            reasons.add("Too many pods");
        }
        if (cpu) {
            reasons.add("Insufficient cpu");
        }
        if (memory) {
            reasons.add("Insufficient memory");
        }
        if (storage) {
            reasons.add("Insufficient ephemeral-storage");
        }
        if (scalars) {
            insufficientScalars(want, alloc, used).forEach(r -> reasons.add("Insufficient " + r));
        }
        return Status.unschedulable(reasons.toArray(String[]::new));
    }

    /** Pod slot, CPU and memory from the table; pods wanting ephemeral storage or extended resources go node by node. */
    @Override
    public TableCheck tableCheck(CycleState state, PodInfo pod) {
        Resources want = pod.requests();
        if (want.ephemeralStorage() > 0 || !want.scalars().isEmpty()) {
            return null;
        }
        return new TableCheck(0, true, want.milliCpu(), want.memory());
    }

    /** The extended resources the pod requests more of than the node has left, sorted by name. */
    private static Set<String> insufficientScalars(Resources want, Resources alloc, Resources used) {
        Set<String> out = new TreeSet<>();
        want.scalars().forEach((name, amount) -> {
            if (amount > 0 && amount > alloc.scalar(name) - used.scalar(name)) {
                out.add(name);
            }
        });
        return out;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        long sum = 0;
        long weights = 0;
        Resources podRequests = pod.nonZeroRequests();
        for (int i = 0, n = resources.size(); i < n; i++) {
            long podRequest = resources.of(i, podRequests);
            long capacity = resources.allocatable(i, node);
            if (capacity == 0 || (podRequest == 0 && resources.isScalar(i))) {
                continue;
            }
            long requested = resources.nonZeroRequested(i, node) + podRequest;
            sum += resourceScore(requested, capacity) * resources.weight(i);
            weights += resources.weight(i);
        }
        return weights == 0 ? 0 : sum / weights;
    }

    /** {@link #score} of every row, reading the table; only when scoring looks at CPU and memory alone. */
    @Override
    public boolean scoreTable(CycleState state, PodInfo pod, NodeTable table, int[] rows, int n, long[] out) {
        if (!resources.cpuAndMemoryOnly()) {
            return false;
        }
        long[] podRequests = resources.amounts(pod.nonZeroRequests());
        for (int j = 0; j < n; j++) {
            int row = rows[j];
            long sum = 0;
            long weights = 0;
            for (int i = 0; i < podRequests.length; i++) {
                long capacity = resources.allocatable(i, table, row);
                if (capacity != 0) {
                    long requested = resources.nonZeroRequested(i, table, row) + podRequests[i];
                    sum += resourceScore(requested, capacity) * resources.weight(i);
                    weights += resources.weight(i);
                }
            }
            out[j] = weights == 0 ? 0 : sum / weights;
        }
        return true;
    }

    private long resourceScore(long requested, long capacity) {
        return mostAllocated ? mostRequested(requested, capacity) : leastRequested(requested, capacity);
    }

    private static long leastRequested(long requested, long capacity) {
        return requested > capacity ? 0 : (capacity - requested) * MAX_NODE_SCORE / capacity;
    }

    private static long mostRequested(long requested, long capacity) {
        return Math.min(requested, capacity) * MAX_NODE_SCORE / capacity;
    }

    /**
     * A deleted or scaled-down pod frees resources; a new node, or one whose allocatable changed, helps if the pod
     * would fit on it when empty.
     */
    @Override
    public List<ClusterEventWithHint> eventsToRegister() {
        return List.of(
                ClusterEventWithHint.of(
                        ClusterEvent.of(EventResource.POD, ActionType.DELETE, ActionType.UPDATE_POD_SCALE_DOWN)),
                new ClusterEventWithHint(
                        ClusterEvent.of(EventResource.NODE, ActionType.ADD, ActionType.UPDATE_NODE_ALLOCATABLE),
                        (pod, oldObj, newObj) -> newObj instanceof Node n && fitsEmpty(PodInfo.of(pod), n)
                                ? QueueingHint.QUEUE : QueueingHint.SKIP));
    }

    private static boolean fitsEmpty(PodInfo pod, Node node) {
        Resources alloc = node.status() == null ? Resources.ZERO : Resources.of(node.status().allocatable());
        Resources want = pod.requests();
        return alloc.pods() >= 1 && want.milliCpu() <= alloc.milliCpu() && want.memory() <= alloc.memory()
                && want.ephemeralStorage() <= alloc.ephemeralStorage()
                && insufficientScalars(want, alloc, Resources.ZERO).isEmpty();
    }
}
