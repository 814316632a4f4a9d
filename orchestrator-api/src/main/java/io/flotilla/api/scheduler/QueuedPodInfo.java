package io.flotilla.api.scheduler;

import java.time.Instant;

/**
 * A pod waiting in the scheduling queue, as QueueSort plugins see it, like Kubernetes'
 * {@code framework.QueuedPodInfo}. A read-only view of a queue entry owned by the scheduler; read it only inside the
 * plugin call that received it.
 */
public interface QueuedPodInfo {

    /** The parsed pod; never null. */
    PodInfo podInfo();

    /** When the pod was last added to the queue; never null. */
    Instant timestamp();

    /** When the pod was first added to the queue; never null. */
    Instant initialAttemptTimestamp();

    /** How many scheduling attempts the pod has had so far. */
    int attempts();
}
