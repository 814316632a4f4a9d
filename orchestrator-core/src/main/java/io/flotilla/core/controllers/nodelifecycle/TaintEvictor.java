package io.flotilla.core.controllers.nodelifecycle;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Taint;
import io.flotilla.api.core.Toleration;
import io.flotilla.core.apiserver.DeleteOptions;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.informer.Indexers;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.core.store.Preconditions;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.time.Cancellable;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/*
 * Design notes: Kubernetes' NoExecute taint manager. For each pod on a node with NoExecute taints, the eviction
 * time is the earliest over the taints of timeAdded + the pod's tolerationSeconds for it: now for a taint it does
 * not tolerate, never for one it tolerates without a limit. Pods without a toleration for our own not-ready and
 * unreachable taints get the configured default (Kubernetes adds 300 s tolerations at admission). An eviction due
 * later is a one-shot timer on the clock. Pods already terminating on a node that is not Ready are deleted with
 * grace 0 once their grace period has passed, since no agent is there to finish them.
 */

/** Evicts pods from nodes with NoExecute taints once their tolerations run out. Thread-safe. */
final class TaintEvictor implements AutoCloseable {
    private final Client client;
    private final SharedInformerFactory informers;
    private final Clock clock;
    private final EventRecorder events;
    private final NodeLifecycleConfig config;
    private final Map<String, Cancellable> pending = new ConcurrentHashMap<>();

    TaintEvictor(Client client, SharedInformerFactory informers, Clock clock, EventRecorder events,
                 NodeLifecycleConfig config) {
        this.client = client;
        this.informers = informers;
        this.clock = clock;
        this.events = events;
        this.config = config;
    }

    /** Evicts what is due on {@code node} now and schedules the rest. */
    void check(Node node) {
        List<Taint> taints = node.spec() == null ? List.of() : node.spec().taints().stream()
                .filter(t -> Taint.NO_EXECUTE.equals(t.effect())).toList();
        if (taints.isEmpty()) {
            return;
        }
        Instant now = clock.now();
        String nodeName = node.metadata().name();
        List<Pod> pods = informers.lister(Pod.TYPE).byIndex(Indexers.NODE, nodeName);
        for (Pod pod : pods) {
            if (pod.metadata().isDeleting()) {
                forceDeleteIfOverdue(pod, taints, now);
                continue;
            }
            Instant due = evictionTime(pod, taints);
            if (due == null) {
                continue;
            }
            if (!due.isAfter(now)) {
                evict(pod);
            } else {
                pending.computeIfAbsent(pod.metadata().uid(), uid -> clock.schedule(Duration.between(now, due),
                        () -> {
                            pending.remove(uid);
                            recheck(nodeName);
                        }));
            }
        }
    }

    private void recheck(String nodeName) {
        client.nodes().get(nodeName).ifPresent(this::check);
    }

    /** When {@code pod} must leave a node with {@code taints}; {@code null} for never. */
    Instant evictionTime(Pod pod, List<Taint> taints) {
        Instant earliest = null;
        for (Taint taint : taints) {
            Long seconds = null;
            boolean tolerated = false;
            for (Toleration t : pod.spec().tolerations()) {
                if (t.tolerates(taint.key(), taint.value(), taint.effect())) {
                    tolerated = true;
                    if (t.tolerationSeconds() == null) {
                        seconds = Long.MAX_VALUE;
                    } else if (seconds == null || seconds != Long.MAX_VALUE) {
                        seconds = seconds == null ? t.tolerationSeconds() : Math.min(seconds, t.tolerationSeconds());
                    }
                }
            }
            if (!tolerated && NodeLifecycleController.ours(taint)) {
                seconds = config.defaultTolerationSeconds().toSeconds();
            } else if (!tolerated) {
                seconds = 0L;
            }
            if (seconds == Long.MAX_VALUE) {
                continue;
            }
            Instant added = taint.timeAdded() == null ? clock.now() : taint.timeAdded();
            Instant due = added.plusSeconds(Math.max(0, seconds));
            earliest = earliest == null || due.isBefore(earliest) ? due : earliest;
        }
        return earliest;
    }

    private void evict(Pod pod) {
        var meta = pod.metadata();
        events.normal(pod, "TaintManagerEviction", "Marking for deletion Pod %s/%s", meta.namespace(), meta.name());
        try {
            client.pods().inNamespace(meta.namespace()).delete(meta.name(),
                    DeleteOptions.defaults().withPreconditions(Preconditions.uid(meta.uid())));
        } catch (StoreException.NotFound | StoreException.Conflict gone) {
            // already gone
        }
    }

    private void forceDeleteIfOverdue(Pod pod, List<Taint> taints, Instant now) {
        boolean lost = taints.stream().anyMatch(NodeLifecycleController::ours);
        Instant deadline = pod.metadata().deletionTimestamp();
        if (!lost || deadline == null) {
            return;
        }
        if (deadline.isAfter(now)) {
            pending.computeIfAbsent(pod.metadata().uid(), uid -> clock.schedule(Duration.between(now, deadline),
                    () -> {
                        pending.remove(uid);
                        recheck(pod.nodeName());
                    }));
            return;
        }
        var meta = pod.metadata();
        try {
            client.pods().inNamespace(meta.namespace()).delete(meta.name(), DeleteOptions.defaults()
                    .withGracePeriodSeconds(0).withPreconditions(Preconditions.uid(meta.uid())));
        } catch (StoreException.NotFound | StoreException.Conflict gone) {
            // already gone
        }
    }

    @Override
    public void close() {
        pending.values().forEach(Cancellable::cancel);
        pending.clear();
    }
}
