package io.flotilla.api.scheduler;

/**
 * Prepares the node before the pod is bound, like Kubernetes' {@code PreBindPlugin} (VolumeBinding binds claims
 * here). Runs in the binding cycle, on a virtual thread, so it may block on API calls. A failure unreserves the pod
 * and sends it back to the queue.
 */
public interface PreBindPlugin extends Plugin {

    /**
     * Prepares the binding.
     *
     * @return success or why binding must not happen; never null
     */
    Status preBind(CycleState state, PodInfo pod, String nodeName);
}
