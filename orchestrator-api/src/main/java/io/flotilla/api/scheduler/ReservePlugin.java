package io.flotilla.api.scheduler;

/**
 * Claims a node's resources for a pod before binding, like Kubernetes' {@code ReservePlugin}: {@link #reserve} runs
 * after a node was selected (the scheduler cache has already assumed the pod there), and {@link #unreserve} runs
 * if any later step — another plugin's reserve, Permit, PreBind or Bind — fails, in reverse plugin order. Both must
 * be idempotent: unreserve may run even if this plugin's reserve never ran or failed. Use it for state kept
 * outside the cache (for example volume assumptions).
 */
public interface ReservePlugin extends Plugin {

    /**
     * Reserves.
     *
     * @return success, or why the pod cannot be reserved (the pod is then unreserved and retried); never null
     */
    Status reserve(CycleState state, PodInfo pod, String nodeName);

    /** Releases what {@link #reserve} claimed; idempotent, must not throw. */
    void unreserve(CycleState state, PodInfo pod, String nodeName);
}
