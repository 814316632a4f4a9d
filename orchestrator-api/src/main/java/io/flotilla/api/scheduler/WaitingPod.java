package io.flotilla.api.scheduler;

import java.util.Set;

/**
 * A pod held at the Permit stage, like Kubernetes' {@code framework.WaitingPod}: it has been reserved on a node and
 * waits until every Permit plugin that asked it to wait {@linkplain #allow allows} it, any plugin
 * {@linkplain #reject rejects} it, or the wait times out (which rejects it). Gang-scheduling plugins use this to
 * release a whole group at once. Thread-safe; calls after the pod left the waiting state are ignored.
 */
public interface WaitingPod {

    /** The waiting pod; never null. */
    PodInfo pod();

    /** The node the pod is reserved on; never null. */
    String nodeName();

    /** The plugins that still have to allow the pod; never null. */
    Set<String> pendingPlugins();

    /**
     * Allows the pod on behalf of {@code plugin}; once no plugin is pending the pod proceeds to binding.
     *
     * @param plugin the name of the Permit plugin that allows; not null
     */
    void allow(String plugin);

    /**
     * Rejects the pod: it is unreserved and goes back to the scheduling queue as unschedulable.
     *
     * @param plugin  the name of the rejecting plugin; not null
     * @param message why; shown in the pod's condition and event; not null
     */
    void reject(String plugin, String message);
}
