package io.flotilla.core.controllers.replicaset;

import io.flotilla.api.core.ContainerStatus;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.core.controllers.support.Pods;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The order in which a ReplicaSet gives up pods when it scales down, Kubernetes' {@code ActivePodsWithRanks}: the
 * least valuable first. A pod goes before another when, at the first rule that tells them apart, it is
 * <ol>
 *   <li>not scheduled to a node (the other is);</li>
 *   <li>in an earlier phase: {@code Pending} before {@code Unknown} before {@code Running};</li>
 *   <li>not ready (the other is);</li>
 *   <li>of lower {@value #DELETION_COST} annotation (default 0);</li>
 *   <li>on a node with more pods of the same workload (the related pods);</li>
 *   <li>ready for a shorter time (both ready);</li>
 *   <li>restarted more often (the most restarted container counts);</li>
 *   <li>newer (created later).</li>
 * </ol>
 * Ties go by name, so the order is total and stable. Stateless.
 */
final class DeletionOrder {
    /** Kubernetes' pod-deletion-cost annotation: pods with a lower cost are deleted first. */
    static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

    private DeletionOrder() {
    }

    /** The first {@code count} pods of {@code pods} to delete, ranked against {@code related}. */
    static List<Pod> pick(List<Pod> pods, List<Pod> related, int count) {
        if (count >= pods.size()) {
            return pods;
        }
        List<Pod> ranked = new ArrayList<>(pods);
        ranked.sort(comparator(related.isEmpty() ? pods : related));
        return List.copyOf(ranked.subList(0, count));
    }

    /** The order, with the "doubled up" rank counted over the active pods of {@code related}. */
    static Comparator<Pod> comparator(List<Pod> related) {
        Map<String, Integer> perNode = new HashMap<>();
        for (Pod pod : related) {
            if (Pods.isActive(pod)) {
                perNode.merge(Objects.toString(pod.nodeName(), ""), 1, Integer::sum);
            }
        }
        return Comparator.comparing((Pod p) -> isScheduled(p))
                .thenComparingInt(DeletionOrder::phaseRank)
                .thenComparing(Pod::isReady)
                .thenComparingInt(DeletionOrder::deletionCost)
                .thenComparingInt(p -> -perNode.getOrDefault(Objects.toString(p.nodeName(), ""), 0))
                .thenComparing(p -> Pods.readySince(p).orElse(null), Comparator.nullsFirst(Comparator.reverseOrder()))
                .thenComparingInt(p -> -maxRestarts(p))
                .thenComparing(DeletionOrder::creation, Comparator.reverseOrder())
                .thenComparing(p -> p.metadata().name());
    }

    private static boolean isScheduled(Pod pod) {
        return pod.nodeName() != null && !pod.nodeName().isEmpty();
    }

    private static int phaseRank(Pod pod) {
        String phase = pod.phase();
        if (PodStatus.RUNNING.equals(phase)) {
            return 2;
        }
        return PodStatus.UNKNOWN.equals(phase) ? 1 : 0;
    }

    private static int deletionCost(Pod pod) {
        String cost = pod.metadata().annotations().get(DELETION_COST);
        if (cost == null) {
            return 0;
        }
        try {
            return Integer.parseInt(cost.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int maxRestarts(Pod pod) {
        if (pod.status() == null) {
            return 0;
        }
        return pod.status().containerStatuses().stream().mapToInt(ContainerStatus::effectiveRestartCount).max()
                .orElse(0);
    }

    private static Instant creation(Pod pod) {
        Instant created = pod.metadata().creationTimestamp();
        return created == null ? Instant.MAX : created;
    }
}
