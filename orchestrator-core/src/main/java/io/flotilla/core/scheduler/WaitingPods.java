package io.flotilla.core.scheduler;

import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.Status;
import io.flotilla.api.scheduler.WaitingPod;
import io.flotilla.core.time.Cancellable;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The pods held at Permit (Kubernetes' {@code waitingPodsMap}), each with its own timeout. Thread-safe. */
final class WaitingPods {

    private final Map<String, Entry> pods = new ConcurrentHashMap<>();
    private final Clock clock;

    WaitingPods(Clock clock) {
        this.clock = clock;
    }

    /**
     * Holds {@code pod} until every plugin in {@code plugins} allows it, one rejects it, or {@code timeout} passes.
     *
     * @return completes with success or the rejection; the entry is removed when it completes
     */
    CompletableFuture<Status> hold(PodInfo pod, String nodeName, List<String> plugins, Duration timeout) {
        Entry e = new Entry(pod, nodeName, plugins);
        pods.put(pod.id(), e);
        e.result.whenComplete((s, t) -> pods.remove(pod.id(), e));
        Cancellable timer = clock.schedule(timeout, () -> e.reject(plugins.get(0),
                "rejected due to timeout after waiting " + timeout + " at plugin " + plugins.get(0)));
        e.result.whenComplete((s, t) -> timer.cancel());
        return e.result;
    }

    Optional<WaitingPod> get(String podId) {
        return Optional.ofNullable(pods.get(podId));
    }

    void forEach(Consumer<WaitingPod> action) {
        pods.values().forEach(action);
    }

    /** Rejects the waiting pod with this id (for example because it was deleted). */
    void reject(String podId, String message) {
        Entry e = pods.get(podId);
        if (e != null) {
            e.reject("framework", message);
        }
    }

    int size() {
        return pods.size();
    }

    private static final class Entry implements WaitingPod {
        private final PodInfo pod;
        private final String nodeName;
        private final Set<String> pending;
        final CompletableFuture<Status> result = new CompletableFuture<>();

        Entry(PodInfo pod, String nodeName, List<String> plugins) {
            this.pod = pod;
            this.nodeName = nodeName;
            this.pending = new LinkedHashSet<>(plugins);
        }

        @Override
        public PodInfo pod() {
            return pod;
        }

        @Override
        public String nodeName() {
            return nodeName;
        }

        @Override
        public synchronized Set<String> pendingPlugins() {
            return Set.copyOf(pending);
        }

        @Override
        public void allow(String plugin) {
            boolean all;
            synchronized (this) {
                pending.remove(plugin);
                all = pending.isEmpty();
            }
            if (all) {
                result.complete(Status.success());
            }
        }

        @Override
        public void reject(String plugin, String message) {
            result.complete(Status.unschedulable(message).withPlugin(plugin));
        }
    }
}
