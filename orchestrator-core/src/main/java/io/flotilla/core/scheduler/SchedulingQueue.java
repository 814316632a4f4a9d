package io.flotilla.core.scheduler;

import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.scheduler.ClusterEvent;
import io.flotilla.api.scheduler.ClusterEventWithHint;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.QueueingHint;
import io.flotilla.api.scheduler.QueuedPodInfo;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Design notes: Kubernetes' PriorityQueue. activeQ is a heap in QueueSort order; backoffQ a heap by backoff expiry
 * (1 s doubling to 10 s per attempt, on the injected clock); unschedulable pods wait in a map until a cluster event
 * one of their rejecting plugins subscribed to (and whose hint agrees) moves them — never by polling — plus the
 * 5-minute leftover flush as a safety net. An event that arrives while a pod is being scheduled bumps
 * moveRequestCycle, so a pod that then fails goes to backoff instead of sleeping through the event it missed.
 * When activeQ is empty, pop takes the backoffQ pod whose backoff ends first at once (Kubernetes 1.33's
 * SchedulerPopFromBackoffQ): backoff keeps a busy scheduler fair, but an idle one has nothing to protect, and a pod
 * woken by the event it waited for (a claim its StatefulSet just created, say) would otherwise idle up to two
 * seconds. Pods that failed with an error are the exception: they wait their backoff out, so an error cannot spin.
 * Every entry stays in `entries` until the pod is deleted or seen assigned, so a failed bind can requeue it.
 */

/** The scheduling queue. Thread-safe; {@link #pop} blocks the scheduling thread. */
final class SchedulingQueue {

    static final Duration DEFAULT_MAX_UNSCHEDULABLE = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxUnschedulable;
    private final Map<String, List<ClusterEventWithHint>> subscriptions;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final PriorityQueue<QueuedPod> active;
    private final PriorityQueue<QueuedPod> backoff =
            new PriorityQueue<>(Comparator.comparing((QueuedPod q) -> q.backoffExpiry));
    private final Map<String, QueuedPod> unschedulable = new HashMap<>();
    private final Map<String, QueuedPod> entries = new HashMap<>();
    private long schedulingCycle;
    private long moveRequestCycle = -1;
    private boolean closed;

    SchedulingQueue(Clock clock, Comparator<QueuedPodInfo> order, Duration initialBackoff, Duration maxBackoff,
                    Duration maxUnschedulable, Map<String, List<ClusterEventWithHint>> subscriptions) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.active = new PriorityQueue<>(order::compare);
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxUnschedulable = maxUnschedulable;
        this.subscriptions = Map.copyOf(subscriptions);
    }

    /** A new pending pod (or a known one, which is then updated). */
    void add(Pod pod) {
        PodInfo info = PodInfo.of(pod);
        lock.lock();
        try {
            QueuedPod q = entries.get(info.id());
            if (q != null) {
                update(q, info);
                return;
            }
            q = new QueuedPod(info, clock.now(), clock.nanoTime());
            entries.put(info.id(), q);
            toActive(q);
        } finally {
            lock.unlock();
        }
    }

    /** A pending pod changed; an unschedulable pod whose spec or labels changed is retried. */
    void update(Pod oldPod, Pod newPod) {
        add(newPod);
    }

    private void update(QueuedPod q, PodInfo info) {
        boolean changed = !Objects.equals(q.podInfo.pod().spec(), info.pod().spec())
                || !Objects.equals(q.podInfo.pod().metadata().labels(), info.pod().metadata().labels());
        q.podInfo = info;
        switch (q.where) {
            case ACTIVE -> {
                active.remove(q);
                active.add(q);
            }
            case UNSCHEDULABLE -> {
                if (changed) {
                    unschedulable.remove(info.id());
                    toActiveOrBackoff(q);
                }
            }
            default -> { }
        }
    }

    /** The pod is gone (deleted, or assigned to a node): forget it. */
    void delete(String podId) {
        lock.lock();
        try {
            QueuedPod q = entries.remove(podId);
            if (q != null) {
                remove(q);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the first pod of the active queue, waiting for one.
     *
     * @return the pod, or null if the queue was closed or {@code timeout} passed
     */
    QueuedPod pop(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!closed) {
                QueuedPod next = nextLocked();
                if (next != null) {
                    return popLocked(next);
                }
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the first pod of the active queue if there is one; never blocks. */
    QueuedPod tryPop() {
        lock.lock();
        try {
            QueuedPod next = closed ? null : nextLocked();
            return next == null ? null : popLocked(next);
        } finally {
            lock.unlock();
        }
    }

    /** The head of activeQ; if activeQ is empty, the backoffQ pod to pop early (see the design notes); or null. */
    private QueuedPod nextLocked() {
        if (!active.isEmpty()) {
            return active.peek();
        }
        QueuedPod early = null;
        for (QueuedPod q : backoff) {
            if (!q.failedWithError && (early == null || q.backoffExpiry.isBefore(early.backoffExpiry))) {
                early = q;
            }
        }
        return early;
    }

    private QueuedPod popLocked(QueuedPod q) {
        remove(q);
        q.where = QueuedPod.Where.IN_FLIGHT;
        q.attempts++;
        q.cycle = ++schedulingCycle;
        return q;
    }

    /** The pod's scheduling cycle ended (successfully or not). */
    void done(QueuedPod q) {
        lock.lock();
        try {
            if (q.where == QueuedPod.Where.IN_FLIGHT) {
                q.where = QueuedPod.Where.OUT;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A scheduling or binding attempt failed: back to the queue — unschedulable until a relevant event if plugins
     * rejected it, backoff after an error or when an event arrived during its attempt.
     *
     * @param rejectors the plugins that rejected the pod (empty after an error)
     * @param error     whether the failure was an internal error
     */
    void requeue(QueuedPod q, Set<String> rejectors, boolean error) {
        lock.lock();
        try {
            if (entries.get(q.podInfo.id()) != q) {
                return;
            }
            remove(q);
            q.timestamp = clock.now();
            q.unschedulablePlugins = Set.copyOf(rejectors);
            q.backoffExpiry = q.timestamp.plus(backoffDuration(q.attempts));
            q.failedWithError = error;
            if (error || moveRequestCycle >= q.cycle) {
                toActiveOrBackoff(q);
            } else {
                q.where = QueuedPod.Where.UNSCHEDULABLE;
                unschedulable.put(q.podInfo.id(), q);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Moves pods whose backoff has expired to the active queue; run every second on the clock. */
    void flushBackoffCompleted() {
        Instant now = clock.now();
        lock.lock();
        try {
            while (!backoff.isEmpty() && !backoff.peek().backoffExpiry.isAfter(now)) {
                toActive(backoff.poll());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Retries pods unschedulable for longer than 5 minutes (Kubernetes' safety net). */
    void flushUnschedulableLeftover() {
        Instant cutoff = clock.now().minus(maxUnschedulable);
        lock.lock();
        try {
            List<QueuedPod> stale = new ArrayList<>();
            for (QueuedPod q : unschedulable.values()) {
                if (!q.timestamp.isAfter(cutoff)) {
                    stale.add(q);
                }
            }
            for (QueuedPod q : stale) {
                unschedulable.remove(q.podInfo.id());
                toActiveOrBackoff(q);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A cluster event: every unschedulable pod rejected by a plugin interested in it (per its subscriptions and
     * hints) is moved to the active or backoff queue.
     *
     * @return how many pods moved
     */
    int onEvent(ClusterEvent event, Resource oldObject, Resource newObject) {
        return onEvent(event, oldObject, newObject, null);
    }

    /** {@link #onEvent(ClusterEvent, Resource, Resource)} that leaves the pod with id {@code exceptId} alone. */
    int onEvent(ClusterEvent event, Resource oldObject, Resource newObject, String exceptId) {
        lock.lock();
        try {
            if (exceptId == null) {
                moveRequestCycle = schedulingCycle;
            }
            List<QueuedPod> moving = new ArrayList<>();
            for (QueuedPod q : unschedulable.values()) {
                if (!q.podInfo.id().equals(exceptId) && interested(q, event, oldObject, newObject)) {
                    moving.add(q);
                }
            }
            for (QueuedPod q : moving) {
                unschedulable.remove(q.podInfo.id());
                toActiveOrBackoff(q);
            }
            return moving.size();
        } finally {
            lock.unlock();
        }
    }

    private boolean interested(QueuedPod q, ClusterEvent event, Resource oldObject, Resource newObject) {
        if (q.unschedulablePlugins.isEmpty()) {
            return true;
        }
        for (String plugin : q.unschedulablePlugins) {
            List<ClusterEventWithHint> subs = subscriptions.get(plugin);
            if (subs == null) {
                return true;
            }
            for (ClusterEventWithHint sub : subs) {
                if (sub.event().matches(event) && hint(sub, q.podInfo.pod(), oldObject, newObject)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hint(ClusterEventWithHint sub, Pod pod, Resource oldObject, Resource newObject) {
        if (sub.hint() == null) {
            return true;
        }
        try {
            return sub.hint().hint(pod, oldObject, newObject) != QueueingHint.SKIP;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Wakes a blocked {@link #pop} for good. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int activeSize() {
        return size(QueuedPod.Where.ACTIVE);
    }

    int backoffSize() {
        return size(QueuedPod.Where.BACKOFF);
    }

    int unschedulableSize() {
        return size(QueuedPod.Where.UNSCHEDULABLE);
    }

    /** Where the pod with this id is, or null if the queue does not know it. */
    QueuedPod.Where whereIs(String podId) {
        lock.lock();
        try {
            QueuedPod q = entries.get(podId);
            return q == null ? null : q.where;
        } finally {
            lock.unlock();
        }
    }

    Duration backoffDuration(int attempts) {
        Duration d = initialBackoff;
        for (int i = 1; i < attempts; i++) {
            d = d.multipliedBy(2);
            if (d.compareTo(maxBackoff) >= 0) {
                return maxBackoff;
            }
        }
        return d;
    }

    private int size(QueuedPod.Where where) {
        lock.lock();
        try {
            return switch (where) {
                case ACTIVE -> active.size();
                case BACKOFF -> backoff.size();
                case UNSCHEDULABLE -> unschedulable.size();
                default -> 0;
            };
        } finally {
            lock.unlock();
        }
    }

    private void remove(QueuedPod q) {
        switch (q.where) {
            case ACTIVE -> active.remove(q);
            case BACKOFF -> backoff.remove(q);
            case UNSCHEDULABLE -> unschedulable.remove(q.podInfo.id());
            default -> { }
        }
        q.where = QueuedPod.Where.OUT;
    }

    private void toActiveOrBackoff(QueuedPod q) {
        if (q.backoffExpiry.isAfter(clock.now())) {
            q.where = QueuedPod.Where.BACKOFF;
            backoff.add(q);
            notEmpty.signal(); // an idle scheduler may pop it early
        } else {
            toActive(q);
        }
    }

    private void toActive(QueuedPod q) {
        q.where = QueuedPod.Where.ACTIVE;
        active.add(q);
        notEmpty.signal();
    }
}
