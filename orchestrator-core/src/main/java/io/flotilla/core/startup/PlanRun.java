package io.flotilla.core.startup;

import io.flotilla.api.core.Namespace;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.Cluster;
import io.flotilla.core.controller.EventSource;
import io.flotilla.core.controller.ResourceEventHandler;
import io.flotilla.core.diagnostics.ClusterReport;
import io.flotilla.core.startup.Readiness.Check;
import io.flotilla.core.startup.StartupPlan.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/*
 * Design notes: one run is a loop on the caller's thread. Each turn applies every step whose dependencies are ready
 * (non-workloads first, so a ConfigMap exists before the pods that mount it), then checks every applied step. Turns
 * are driven by informer events on the kinds involved (a semaphore the handlers release), with a short poll as a
 * safety net, so readiness is seen within milliseconds without a busy loop.
 */

/** One execution of a {@link StartupPlan}. Not thread-safe; used by one thread once. */
final class PlanRun {
    private static final long POLL_MILLIS = 100;
    private static final int EVENT_LINES = 15;
    private static final int LOG_LINES = 20;

    private final StartupPlan plan;
    private final Cluster cluster;
    private final String namespace;
    private final Readiness readiness;
    private final Semaphore wake = new Semaphore(0);
    private final Map<String, Resource> applied = new LinkedHashMap<>();
    private final Map<String, Duration> ready = new LinkedHashMap<>();
    private long start;

    PlanRun(StartupPlan plan, Cluster cluster, String namespace) {
        this.plan = plan;
        this.cluster = cluster;
        this.namespace = namespace;
        this.readiness = new Readiness(cluster, plan.toleratedRestarts());
    }

    StartupReport run() {
        start = System.nanoTime();
        long deadline = start + plan.timeout().toNanos();
        List<EventSource.Registration> handlers = watchKinds();
        try {
            ensureNamespace();
            while (true) {
                applyUnblocked();
                int readyBefore = ready.size();
                Map<String, Check> waiting = checkApplied();
                if (ready.size() == plan.steps().size()) {
                    return new StartupReport(namespace, ready, Duration.ofNanos(System.nanoTime() - start));
                }
                if (System.nanoTime() - deadline > 0 && !waiting.isEmpty()) {
                    throw timedOut(waiting);
                }
                if (ready.size() == readyBefore) {
                    awaitChange(deadline);
                } // else: what became ready may unblock steps; apply them now, not after the next event or poll
            }
        } finally {
            handlers.forEach(EventSource.Registration::remove);
        }
    }

    private void ensureNamespace() {
        if (cluster.client().namespaces().get(namespace).isEmpty()) {
            cluster.apply(Namespace.named(namespace).build());
        }
    }

    private void applyUnblocked() {
        List<Step> unblocked = plan.steps().stream()
                .filter(s -> !applied.containsKey(s.key()) && ready.keySet().containsAll(s.dependsOn()))
                .sorted(Comparator.comparing(s -> Readiness.isWorkload(s.resource())))
                .toList();
        for (Step s : unblocked) {
            applied.put(s.key(), cluster.apply(placed(s.resource())));
        }
    }

    /** Checks every applied step that is not ready yet; fails fast; returns those still waiting. */
    private Map<String, Check> checkApplied() {
        Map<String, Check> waiting = new LinkedHashMap<>();
        for (Map.Entry<String, Resource> e : applied.entrySet()) {
            if (ready.containsKey(e.getKey())) {
                continue;
            }
            Resource r = e.getValue();
            Check c = readiness.check(r.kind(), r.metadata().namespace(), r.metadata().name());
            if (c.ready()) {
                ready.put(e.getKey(), Duration.ofNanos(System.nanoTime() - start));
            } else if (c.failure() != null) {
                throw failure(e.getKey(), r, c.failure(), c, false);
            } else {
                waiting.put(e.getKey(), c);
            }
        }
        return waiting;
    }

    private void awaitChange(long deadline) {
        long left = Math.max(1, Math.min(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS), deadline - System.nanoTime()));
        try {
            if (wake.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + plan.steps().size() + " objects in "
                    + namespace, e);
        }
    }

    private StartupFailedException timedOut(Map<String, Check> waiting) {
        List<String> notApplied = plan.steps().stream().map(Step::key).filter(k -> !applied.containsKey(k)).toList();
        Map.Entry<String, Check> first = waiting.entrySet().iterator().next();
        String others = waiting.entrySet().stream().skip(1)
                .map(e -> e.getKey() + " (" + e.getValue().waiting() + ")").collect(Collectors.joining(", "));
        String reason = "still waiting after " + plan.timeout().toSeconds() + " s: " + first.getValue().waiting()
                + (others.isEmpty() ? "" : "; also waiting: " + others)
                + (notApplied.isEmpty() ? "" : "; not applied yet (dependencies not ready): " + notApplied);
        return failure(first.getKey(), applied.get(first.getKey()), reason, first.getValue(), true);
    }

    private StartupFailedException failure(String key, Resource r, String reason, Check c, boolean timedOut) {
        String ns = r.metadata().namespace() == null ? namespace : r.metadata().namespace();
        ClusterReport report = ClusterReport.of(cluster, ns);
        Set<String> podNames = new HashSet<>();
        c.pods().forEach(p -> podNames.add(p.metadata().name()));
        String name = r.metadata().name();
        String details = "Pods of " + key + ":\n"
                + (podNames.isEmpty() ? "(none)\n" : report.podTable(p -> podNames.contains(p.metadata().name())))
                + "Recent events:\n" + report.recentEvents(EVENT_LINES, ev -> ev.involvedObject() != null
                        && (name.equals(ev.involvedObject().name()) || ev.involvedObject().name().startsWith(name + "-")))
                + "Last log lines of failing containers:\n" + report.failingContainerLogs(c.pods(), LOG_LINES);
        return new StartupFailedException(key, ns, reason, timedOut, details);
    }

    private Resource placed(Resource r) {
        String own = r.metadata().namespace();
        if (!r.type().namespaced() || own != null && !own.isEmpty()) {
            return r;
        }
        return r.withMetadata(r.metadata().withNamespace(namespace));
    }

    private List<EventSource.Registration> watchKinds() {
        Set<ResourceType<?>> kinds = new HashSet<>();
        kinds.add(Pod.TYPE);
        plan.steps().stream().map(s -> s.resource().type()).filter(t -> Readiness.WORKLOADS.contains(t.kind()))
                .forEach(kinds::add);
        List<EventSource.Registration> handlers = new ArrayList<>();
        for (ResourceType<?> type : kinds) {
            handlers.add(cluster.informers().addHandler(type, new ResourceEventHandler<Resource>() {
                @Override
                public void onAdd(Resource object) {
                    wake.release();
                }

                @Override
                public void onUpdate(Resource oldObject, Resource newObject) {
                    wake.release();
                }

                @Override
                public void onDelete(Resource object) {
                    wake.release();
                }
            }));
        }
        return handlers;
    }
}
