package io.flotilla.api.scheduler;

/**
 * Orders the active queue, like Kubernetes' {@code QueueSortPlugin}: the pod that compares lowest is scheduled
 * first. A profile has exactly one; every profile of a scheduler must use the same one, since they share one queue.
 * The in-tree PrioritySort orders by priority (highest first), then by queue timestamp (oldest first). Must be a
 * consistent total order and must not allocate: it runs on every heap operation.
 */
public interface QueueSortPlugin extends Plugin {

    /**
     * Compares two queued pods.
     *
     * @return negative if {@code a} should be scheduled before {@code b}, positive if after, 0 if equal
     */
    int compare(QueuedPodInfo a, QueuedPodInfo b);
}
