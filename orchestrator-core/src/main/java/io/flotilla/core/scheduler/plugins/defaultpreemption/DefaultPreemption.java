package io.flotilla.core.scheduler.plugins.defaultpreemption;

import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.NodeToStatus;
import io.flotilla.api.scheduler.PluginArgs;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PostFilterPlugin;
import io.flotilla.api.scheduler.PostFilterResult;
import io.flotilla.api.scheduler.SchedulerHandle;
import io.flotilla.api.scheduler.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Preemption, like Kubernetes' {@code DefaultPreemption}. For every node that rejected the pod with
 * {@link Status.Code#UNSCHEDULABLE} (not unresolvable), it simulates on copies of the node and the cycle state:
 * remove every pod of strictly lower priority; if the pod then passes the profile's filters, add the removed pods
 * back one at a time, most important first, keeping each one that still lets the pod fit — the rest are the
 * victims. Once enough candidate nodes are found (see the constructor) it picks the least disruptive
 * ({@link Candidate#bestFirst}), evicts its victims through {@link SchedulerHandle#evict} and nominates the node.
 * Pods of equal or higher priority are never victims. A pod already nominated to a node where a lower-priority
 * pod is still terminating waits instead of preempting again. On failure the status reads
 * {@code preemption: 0/N nodes are available: ...} with
 * {@code Preemption is not helpful for scheduling} for unresolvable nodes and
 * {@code No preemption victims found for incoming pod} where nothing can be evicted. Thread-safe.
 */
public final class DefaultPreemption implements PostFilterPlugin {

    /** The plugin name. */
    public static final String NAME = "DefaultPreemption";
    /** Kubernetes' reason for a node where preemption cannot help. */
    public static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";
    /** Kubernetes' reason for a node without lower-priority pods. */
    public static final String NO_VICTIMS = "No preemption victims found for incoming pod";
    /** Kubernetes' reason for a pod whose earlier preemption is still in progress. */
    public static final String NOT_ELIGIBLE = "not eligible due to a terminating pod on the nominated node";

    private final SchedulerHandle handle;
    private final long minCandidatePercentage;
    private final long minCandidateAbsolute;

    /**
     * Creates the plugin.
     *
     * @param args   {@code minCandidateNodesPercentage} (0..100, default 10) and {@code minCandidateNodesAbsolute}
     *               (default 100): the search stops once {@code max(percentage of nodes, absolute)} candidate
     *               nodes were found, as in Kubernetes
     * @param handle the profile's handle, used to simulate filters and to evict; not null
     * @throws IllegalArgumentException if the arguments are out of range or both zero
     */
    public DefaultPreemption(PluginArgs args, SchedulerHandle handle) {
        this.handle = handle;
        this.minCandidatePercentage = args.number("minCandidateNodesPercentage", 10);
        this.minCandidateAbsolute = args.number("minCandidateNodesAbsolute", 100);
        if (minCandidatePercentage < 0 || minCandidatePercentage > 100 || minCandidateAbsolute < 0
                || minCandidatePercentage + minCandidateAbsolute == 0) {
            throw new IllegalArgumentException("DefaultPreemption needs minCandidateNodesPercentage in 0..100 and"
                    + " minCandidateNodesAbsolute >= 0, not both 0");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PostFilterResult postFilter(CycleState state, PodInfo pod, NodeToStatus statuses) {
        if (preemptionInProgress(pod)) {
            return PostFilterResult.of(Status.unschedulable(NOT_ELIGIBLE));
        }
        List<NodeInfo> nodes = handle.snapshot().nodes();
        Map<String, Integer> reasons = new TreeMap<>();
        List<Candidate> candidates = new ArrayList<>();
        long wanted = Math.min(nodes.size(), Math.max(nodes.size() * minCandidatePercentage / 100,
                minCandidateAbsolute));
        for (NodeInfo node : nodes) {
            if (candidates.size() >= wanted) {
                break;
            }
            if (statuses.get(node.name()).code() != Status.Code.UNSCHEDULABLE) {
                reasons.merge(NOT_HELPFUL, 1, Integer::sum);
                continue;
            }
            Candidate c = selectVictims(state, pod, node, reasons);
            if (c != null) {
                candidates.add(c);
            }
        }
        if (candidates.isEmpty()) {
            List<String> parts = new ArrayList<>();
            reasons.forEach((reason, count) -> parts.add(count + " " + reason));
            parts.sort(null);
            return PostFilterResult.of(Status.unschedulable("preemption: 0/" + nodes.size()
                    + " nodes are available: " + String.join(", ", parts)));
        }
        Candidate best = candidates.stream().min(Candidate.bestFirst(handle.clock().instant())).orElseThrow();
        for (PodInfo victim : best.victims()) {
            handle.evict(victim.pod(), pod.pod());
        }
        return PostFilterResult.nominated(best.nodeName());
    }

    /** Whether the pod is nominated to a node where a lower-priority pod is terminating (an earlier preemption). */
    private boolean preemptionInProgress(PodInfo pod) {
        for (NodeInfo node : handle.snapshot().nodes()) {
            boolean nominatedHere = handle.nominatedPods(node.name()).stream().anyMatch(p -> p.id().equals(pod.id()));
            if (nominatedHere && node.pods().stream().anyMatch(p -> p.priority() < pod.priority()
                    && p.pod().metadata().deletionTimestamp() != null)) {
                return true;
            }
        }
        return false;
    }

    /** A {@link Candidate}, or null after counting in {@code reasons} why preemption on this node does not work. */
    private Candidate selectVictims(CycleState original, PodInfo pod, NodeInfo node, Map<String, Integer> reasons) {
        CycleState state = original.copy();
        NodeInfo sim = node;
        List<PodInfo> potential = new ArrayList<>();
        for (PodInfo p : node.pods()) {
            if (p.priority() < pod.priority()) {
                potential.add(p);
                sim = sim.withoutPod(p.id());
                handle.runPreFilterRemovePod(state, pod, p, sim);
            }
        }
        if (potential.isEmpty()) {
            reasons.merge(NO_VICTIMS, 1, Integer::sum);
            return null;
        }
        Status fits = handle.runFilterPlugins(state, pod, sim);
        if (!fits.isSuccess()) {
            fits.reasons().forEach(r -> reasons.merge(r, 1, Integer::sum));
            return null;
        }
        potential.sort(Candidate.moreImportantFirst(handle.clock().instant()));
        List<PodInfo> victims = new ArrayList<>();
        for (PodInfo p : potential) {
            sim = sim.withPod(p);
            handle.runPreFilterAddPod(state, pod, p, sim);
            if (!handle.runFilterPlugins(state, pod, sim).isSuccess()) {
                sim = sim.withoutPod(p.id());
                handle.runPreFilterRemovePod(state, pod, p, sim);
                victims.add(p);
            }
        }
        return new Candidate(node.name(), List.copyOf(victims));
    }
}
