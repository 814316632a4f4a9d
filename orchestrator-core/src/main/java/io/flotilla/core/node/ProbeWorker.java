package io.flotilla.core.node;

import io.flotilla.api.core.Container;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.Probe;
import io.flotilla.core.time.Cancellable;
import java.time.Duration;
import java.time.Instant;

/*
 * Design notes: one repeating task on the agent's clock per probe of a running container, ticking at
 * startedAt + k * periodSeconds (k >= 1), as kubelet's probe worker ticks every period after it starts with the
 * container; ticks before startedAt + initialDelaySeconds are skipped. So a liveness probe that always fails
 * restarts its container failureThreshold x periodSeconds after the start. A readiness probe without an initial delay
 * also runs once right away, as kubelet's prober manager triggers one when a container starts, so a pod that answers
 * at once is Ready at once instead of a period later. The task runs on the clock's thread (a
 * virtual thread per task on the system clock; the advancing thread on a virtual clock, which makes probe timing
 * exact in tests); a result that changes the pod kicks its worker.
 */

/** Kubelet's probe worker for one probe of one container. */
final class ProbeWorker implements Runnable {
    private final ProbeSet.Kind kind;
    private final Probe probe;
    private final Container container;
    private final String containerId;
    private final String sandboxId;
    private final String podIP;
    private final Instant startedAt;
    private final AgentContext context;
    private final ProbeSet set;
    private final PodWorker owner;
    private final Object probing = new Object();
    private Boolean lastResult;
    private int run;
    private volatile boolean stopped;
    private Cancellable task;

    ProbeWorker(ProbeSet.Kind kind, Probe probe, Container container, String containerId, String sandboxId,
                String podIP, Instant startedAt, AgentContext context, ProbeSet set, PodWorker owner) {
        this.kind = kind;
        this.probe = probe;
        this.container = container;
        this.containerId = containerId;
        this.sandboxId = sandboxId;
        this.podIP = podIP;
        this.startedAt = startedAt;
        this.context = context;
        this.set = set;
        this.owner = owner;
    }

    synchronized void start() {
        Duration period = Duration.ofSeconds(value(probe.periodSeconds(), Probe.DEFAULT_PERIOD_SECONDS));
        Duration sinceStart = Duration.between(startedAt, context.clock().now());
        long ticksDone = sinceStart.isNegative() ? 0 : sinceStart.toNanos() / period.toNanos();
        Duration first = Duration.between(context.clock().now(), startedAt.plus(period.multipliedBy(ticksDone + 1)));
        task = context.clock().scheduleAtFixedRate(first, period, this);
        if (kind == ProbeSet.Kind.READINESS && ticksDone == 0 && value(probe.initialDelaySeconds(), 0) == 0) {
            context.clock().schedule(Duration.ZERO, this);
        }
    }

    synchronized void stop() {
        stopped = true;
        if (task != null) {
            task.cancel();
        }
    }

    @Override
    public void run() {
        synchronized (probing) {   // the immediate run and a tick must not interleave their counting
            probeOnce();
        }
    }

    private void probeOnce() {
        if (stopped || owner.stopped()) {
            return;
        }
        if (kind != ProbeSet.Kind.STARTUP && !set.started(containerId, container)) {
            return;
        }
        Instant now = context.clock().now();
        if (now.isBefore(startedAt.plusSeconds(value(probe.initialDelaySeconds(), 0)))) {
            return;
        }
        Prober.Outcome outcome = context.prober().probe(probe, container, containerId, sandboxId, podIP);
        if (stopped) {
            return;
        }
        if (!outcome.success()) {
            context.events().record(owner.pod, Event.WARNING, "Unhealthy", "%s probe failed: %s", kind.title,
                    outcome.message());
        }
        if (lastResult != null && lastResult == outcome.success()) {
            run++;
        } else {
            lastResult = outcome.success();
            run = 1;
        }
        int threshold = outcome.success() ? value(probe.successThreshold(), 1)
                : value(probe.failureThreshold(), Probe.DEFAULT_FAILURE_THRESHOLD);
        if (run < threshold) {
            return;
        }
        boolean changed = set.record(containerId, kind, outcome.success());
        if (!outcome.success() && kind != ProbeSet.Kind.READINESS) {
            // kubelet puts the worker on hold until the container is restarted (it gets a new id and new workers)
            stop();
            owner.killRequests.put(containerId, "Container " + container.name() + " failed " + kind.title
                    .toLowerCase(java.util.Locale.ROOT) + " probe, will be restarted");
            owner.kick();
            return;
        }
        if (kind == ProbeSet.Kind.STARTUP) {
            stop();
        }
        if (changed) {
            owner.kick();
        }
    }

    private static int value(Integer v, int dflt) {
        return v == null ? dflt : v;
    }
}
