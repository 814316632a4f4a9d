package io.flotilla.core.scheduler.plugins.defaultpreemption;

import io.flotilla.api.scheduler.PodInfo;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A node where preemption would work and the pods it would evict there, highest priority first. Immutable.
 *
 * @param nodeName the node
 * @param victims  the pods to evict, most important first; never null
 */
record Candidate(String nodeName, List<PodInfo> victims) {

    /**
     * Kubernetes' {@code pickOneNodeForPreemption} order, best first: the lowest highest-victim priority, then the
     * lowest sum of priorities (each shifted by 2^31 so negative priorities count), then the fewest victims, then
     * the latest start among the highest-priority victims. Candidates without victims come first.
     *
     * @param now the start time assumed for victims that have none
     */
    static Comparator<Candidate> bestFirst(Instant now) {
        return Comparator.comparing((Candidate c) -> !c.victims.isEmpty())
                .thenComparingInt(c -> c.victims.isEmpty() ? 0 : c.victims.get(0).priority())
                .thenComparingLong(Candidate::prioritySum)
                .thenComparingInt(c -> c.victims.size())
                .thenComparing(c -> c.earliestTopStart(now), Comparator.reverseOrder());
    }

    private long prioritySum() {
        long sum = 0;
        for (PodInfo v : victims) {
            sum += (long) v.priority() + Integer.MAX_VALUE + 1;
        }
        return sum;
    }

    private Instant earliestTopStart(Instant now) {
        Instant earliest = null;
        for (PodInfo v : victims) {
            if (v.priority() != victims.get(0).priority()) {
                break;
            }
            Instant start = startTime(v, now);
            earliest = earliest == null || start.isBefore(earliest) ? start : earliest;
        }
        return earliest == null ? now : earliest;
    }

    /** The pod's start time, or {@code now} if it has not started. */
    static Instant startTime(PodInfo pod, Instant now) {
        var status = pod.pod().status();
        return status == null || status.startTime() == null ? now : status.startTime();
    }

    /** Kubernetes' {@code MoreImportantPod}: higher priority first, then the earlier start. */
    static Comparator<PodInfo> moreImportantFirst(Instant now) {
        return Comparator.comparingInt((PodInfo p) -> -p.priority()).thenComparing(p -> startTime(p, now));
    }
}
