package io.flotilla.api.scheduler;

/**
 * Runs only when no node passed Filter, like Kubernetes' {@code PostFilterPlugin}; the in-tree DefaultPreemption
 * looks for nodes where evicting lower-priority pods would let the pod fit, evicts them through
 * {@link SchedulerHandle#evict} and nominates the node. The pod itself still goes back to the queue and is placed by
 * a later cycle once the victims are gone. Plugins run in order until one succeeds.
 */
public interface PostFilterPlugin extends Plugin {

    /**
     * Tries to make the pod schedulable.
     *
     * @param state    the cycle state; not null
     * @param pod      the unschedulable pod; not null
     * @param statuses why each node was rejected; not null
     * @return the nominated node, or a status saying why not (its reasons are appended to the message, such as
     *         {@code "0/5 nodes are available: ... preemption: 0/5 nodes are available: ..."}); never null
     */
    PostFilterResult postFilter(CycleState state, PodInfo pod, NodeToStatus statuses);
}
