package io.flotilla.api.scheduler;

/**
 * Decides whether the pod can run on one node, like Kubernetes' {@code FilterPlugin}. Called once per candidate
 * node — thousands of times per pod — so it must not allocate on the common path: return the shared
 * {@link Status#success()} when the node fits and a constant (or rarely-built) rejection when it does not; read
 * per-pod data pre-computed by PreFilter from the {@link CycleState}. Return
 * {@link Status.Code#UNSCHEDULABLE} when evicting lower-priority pods could help and
 * {@link Status.Code#UNSCHEDULABLE_AND_UNRESOLVABLE} when it could not.
 *
 * <p>May be called concurrently for different nodes of one cycle; must not write to the state.
 */
public interface FilterPlugin extends Plugin {

    /**
     * Filters one node.
     *
     * @param state the cycle state (read only here); not null
     * @param pod   the pod being scheduled; not null
     * @param node  the candidate node (possibly a simulation); not null, with a non-null {@link NodeInfo#node()}
     * @return success, or why the pod does not fit; never null
     */
    Status filter(CycleState state, PodInfo pod, NodeInfo node);
}
