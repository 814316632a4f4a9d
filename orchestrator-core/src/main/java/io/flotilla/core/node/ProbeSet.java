package io.flotilla.core.node;

import io.flotilla.api.core.Container;
import io.flotilla.api.core.Probe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The probe workers and results of one pod, per running container id, as kubelet's prober manager and results
 * caches: readiness starts as failure, liveness as success, startup as not started; a container without a startup
 * probe is started once running, and one without a readiness probe is ready once started. Thread-safe.
 */
final class ProbeSet {
    /** The three probe kinds. */
    enum Kind {
        LIVENESS("Liveness"), READINESS("Readiness"), STARTUP("Startup");

        final String title;

        Kind(String title) {
            this.title = title;
        }
    }

    private final AgentContext context;
    private final PodWorker owner;
    private final Map<String, List<ProbeWorker>> workers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> results = new ConcurrentHashMap<>();

    ProbeSet(AgentContext context, PodWorker owner) {
        this.context = context;
        this.owner = owner;
    }

    /** Starts the probe workers of a running container, once per container id. */
    void ensure(Container container, String containerId, String sandboxId, String podIP, Instant startedAt) {
        workers.computeIfAbsent(containerId, id -> {
            List<ProbeWorker> list = new ArrayList<>(3);
            add(list, Kind.STARTUP, container.startupProbe(), container, id, sandboxId, podIP, startedAt);
            add(list, Kind.LIVENESS, container.livenessProbe(), container, id, sandboxId, podIP, startedAt);
            add(list, Kind.READINESS, container.readinessProbe(), container, id, sandboxId, podIP, startedAt);
            return list;
        });
    }

    private void add(List<ProbeWorker> list, Kind kind, Probe probe, Container container, String id,
                     String sandboxId, String podIP, Instant startedAt) {
        if (probe != null) {
            ProbeWorker worker = new ProbeWorker(kind, probe, container, id, sandboxId, podIP, startedAt,
                    owner.startTime, context, this, owner);
            list.add(worker);
            worker.start();
        }
    }

    /** Stops the workers and forgets the results of every container id not in {@code running}. */
    void retain(Set<String> running) {
        workers.keySet().removeIf(id -> {
            if (running.contains(id)) {
                return false;
            }
            workers.get(id).forEach(ProbeWorker::stop);
            return true;
        });
        results.keySet().removeIf(key -> !running.contains(key.substring(0, key.lastIndexOf('/'))));
    }

    /** Triggers a readiness probe of every running container that has not passed it yet; for each pod sync. */
    void triggerUnready() {
        workers.values().forEach(list -> list.stream().filter(ProbeWorker::awaitsReadiness)
                .forEach(ProbeWorker::trigger));
    }

    /** Stops every worker. */
    void stopAll() {
        retain(Set.of());
    }

    /** Whether the container passed its startup probe (or has none). */
    boolean started(String containerId, Container container) {
        return container.startupProbe() == null || Boolean.TRUE.equals(result(containerId, Kind.STARTUP));
    }

    /** Whether the container is started and passed its readiness probe (or has none). */
    boolean ready(String containerId, Container container) {
        return started(containerId, container) && (container.readinessProbe() == null
                || Boolean.TRUE.equals(result(containerId, Kind.READINESS)));
    }

    Boolean result(String containerId, Kind kind) {
        return results.get(containerId + "/" + kind);
    }

    /** Records a result; {@code true} if it changed. */
    boolean record(String containerId, Kind kind, boolean success) {
        Boolean old = results.put(containerId + "/" + kind, success);
        return old == null || old != success;
    }
}
