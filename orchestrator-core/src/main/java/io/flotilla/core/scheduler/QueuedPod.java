package io.flotilla.core.scheduler;

import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.QueuedPodInfo;
import java.time.Instant;
import java.util.Set;

/** A scheduling-queue entry. Mutated only under the queue's lock (and by the scheduling thread while in flight). */
final class QueuedPod implements QueuedPodInfo {

    enum Where { ACTIVE, BACKOFF, UNSCHEDULABLE, IN_FLIGHT, OUT }

    volatile PodInfo podInfo;
    Instant timestamp;
    final Instant initialAttemptTimestamp;
    final long initialNanos;
    int attempts;
    Set<String> unschedulablePlugins = Set.of();
    long cycle;
    Instant backoffExpiry = Instant.MIN;
    /** Whether the last attempt ended in an error: such a pod waits out its backoff even when the queue is idle. */
    boolean failedWithError;
    Where where = Where.OUT;

    QueuedPod(PodInfo podInfo, Instant now, long nanos) {
        this.podInfo = podInfo;
        this.initialNanos = nanos;
        this.timestamp = now;
        this.initialAttemptTimestamp = now;
    }

    @Override
    public PodInfo podInfo() {
        return podInfo;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public Instant initialAttemptTimestamp() {
        return initialAttemptTimestamp;
    }

    @Override
    public int attempts() {
        return attempts;
    }

    /** The plugins that rejected the pod in its last attempt. */
    Set<String> unschedulablePlugins() {
        return unschedulablePlugins;
    }

    @Override
    public String toString() {
        return "QueuedPod[" + podInfo.key() + ", " + where + ", attempts=" + attempts + "]";
    }
}
