package io.flotilla.api.scheduler;

/**
 * The last gate before binding, like Kubernetes' {@code PermitPlugin}: after Reserve, each Permit plugin allows the
 * pod, rejects it (the pod is unreserved and goes back to the queue), or asks it to wait with a timeout — the basis
 * of gang scheduling, where a plugin holds each member until the whole group is reserved and then allows them all
 * through {@link SchedulerHandle#forEachWaitingPod}. Waiting happens off the scheduling loop: the next pod is
 * scheduled meanwhile, with the waiting pod's reservation in place.
 */
public interface PermitPlugin extends Plugin {

    /**
     * Decides on the pod reserved on {@code nodeName}.
     *
     * @return allow, reject or wait; never null
     */
    PermitResult permit(CycleState state, PodInfo pod, String nodeName);
}
