package io.flotilla.core.node;

import io.flotilla.api.core.Container;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.Probe;
import io.flotilla.core.time.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/*
 * Design notes: one repeating task on the agent's clock per probe of a running container. It ticks every
 * periodSeconds from the pod's start on this node, as kubelet's probe worker ticks from its creation when the pod is
 * admitted (not from the container's start): the first tick after a container starts comes within a period, and a
 * restarted container keeps the pod's rhythm. Ticks before startedAt + initialDelaySeconds are skipped. A readiness
 * probe is also run at once (a manual trigger, at most one pending) when the container starts and at every pod sync
 * while it is not ready, as kubelet's prober manager triggers one from each status update of an unready container;
 * so a pod that answers at once is Ready at once, and one that needs a moment is Ready at the next sync or tick
 * instead of a whole period after a first probe that came too early. The task runs on the clock's thread (a virtual
 * thread per task on the system clock; the advancing thread on a virtual clock, which makes probe timing exact in
 * tests); a result that changes the pod kicks its worker.
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
    private final Instant podStartedAt;
    private final AgentContext context;
    private final ProbeSet set;
    private final PodWorker owner;
    private final Object probing = new Object();
    private final AtomicBoolean triggered = new AtomicBoolean();
    private Boolean lastResult;
    private int run;
    private volatile boolean stopped;
    private Cancellable task;

    /**
     * @param startedAt    when the container started
     * @param podStartedAt when the pod started on this node (the ticks' origin); {@code null} for {@code startedAt}
     */
    ProbeWorker(ProbeSet.Kind kind, Probe probe, Container container, String containerId, String sandboxId,
                String podIP, Instant startedAt, Instant podStartedAt, AgentContext context, ProbeSet set,
                PodWorker owner) {
        this.kind = kind;
        this.probe = probe;
        this.container = container;
        this.containerId = containerId;
        this.sandboxId = sandboxId;
        this.podIP = podIP;
        this.startedAt = startedAt;
        this.podStartedAt = podStartedAt == null || podStartedAt.isAfter(startedAt) ? startedAt : podStartedAt;
        this.context = context;
        this.set = set;
        this.owner = owner;
    }

    synchronized void start() {
        Duration period = Duration.ofSeconds(value(probe.periodSeconds(), Probe.DEFAULT_PERIOD_SECONDS));
        Instant now = context.clock().now();
        Duration sinceOrigin = Duration.between(podStartedAt, now);
        long ticksDone = sinceOrigin.isNegative() ? 0 : sinceOrigin.toNanos() / period.toNanos();
        Duration first = Duration.between(now, podStartedAt.plus(period.multipliedBy(ticksDone + 1)));
        task = context.clock().scheduleAtFixedRate(first, period, this);
        boolean justStarted = Duration.between(startedAt, now).compareTo(period) < 0;
        if (justStarted && value(probe.initialDelaySeconds(), 0) == 0) {
            trigger();
        }
    }

    /**
     * Runs a readiness probe now, unless one so triggered is still pending (kubelet's manual trigger: a channel of
     * one); other kinds only tick.
     */
    void trigger() {
        if (kind == ProbeSet.Kind.READINESS && !stopped && triggered.compareAndSet(false, true)) {
            context.clock().schedule(Duration.ZERO, () -> {
                triggered.set(false);
                run();
            });
        }
    }

    /** Whether this is the readiness probe of a container that has not passed it yet. */
    boolean awaitsReadiness() {
        return kind == ProbeSet.Kind.READINESS && !Boolean.TRUE.equals(set.result(containerId, kind));
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
