package io.flotilla.api.scheduler;

/**
 * Told after a successful bind, like Kubernetes' {@code PostBindPlugin}; informational only (cleanup, metrics).
 * Runs on the binding virtual thread; must not throw.
 */
public interface PostBindPlugin extends Plugin {

    /** Called once the pod is bound to {@code nodeName}. */
    void postBind(CycleState state, PodInfo pod, String nodeName);
}
