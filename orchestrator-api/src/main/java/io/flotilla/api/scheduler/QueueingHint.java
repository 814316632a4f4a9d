package io.flotilla.api.scheduler;

/** The answer of a {@link QueueingHintFunction}, like Kubernetes' {@code framework.QueueingHint}. */
public enum QueueingHint {
    /** The event may make the pod schedulable: move it out of the unschedulable pods (through backoff). */
    QUEUE,
    /** The event does not help this pod: leave it where it is. */
    SKIP
}
