package io.flotilla.api.scheduler;

/**
 * Binds the pod to its node, like Kubernetes' {@code BindPlugin}. Bind plugins run in order until one returns
 * something other than {@link Status#skip()}; the built-in {@code DefaultBinder} writes {@code spec.nodeName} and
 * the {@code PodScheduled=True} condition through the API server. Runs on a virtual thread and may block. A
 * failure unreserves the pod, makes the scheduler cache forget it, and sends it back to the queue.
 */
public interface BindPlugin extends Plugin {

    /**
     * Binds.
     *
     * @return success, skip (let the next binder do it), or an error; never null
     */
    Status bind(CycleState state, PodInfo pod, String nodeName);
}
