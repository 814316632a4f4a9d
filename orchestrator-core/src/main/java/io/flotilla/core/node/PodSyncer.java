package io.flotilla.core.node;

import io.flotilla.api.core.Container;
import io.flotilla.api.core.ContainerPort;
import io.flotilla.api.core.EnvVar;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.DnsConfig;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PodSandboxStatus;
import io.flotilla.api.runtime.PortMapping;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.SandboxState;
import io.flotilla.core.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;

/*
 * Design notes: kubelet's SyncPod / computePodActions, level-triggered and one step at a time: each sync reads the
 * pod (latest from the informer) and the runtime, does what is due (sandbox, volumes, the next init container, the
 * app containers that need a start or restart, kills asked for by liveness), then writes the status if it changed.
 * Anything it cannot do yet (back-off, missing ConfigMap) leaves a waiting reason and a timer that kicks the pod
 * again. Deleting pods go to PodTerminator.
 */

/** One sync of one pod; called by the pod's worker only. Stateless apart from its helpers. */
final class PodSyncer {
    private static final Duration SANDBOX_RETRY = Duration.ofSeconds(10);

    private final AgentContext ctx;
    private final ContainerStarter starter;
    private final StatusBuilder statuses;
    private final PodTerminator terminator;

    PodSyncer(AgentContext ctx, PodTerminator terminator) {
        this.ctx = ctx;
        this.starter = new ContainerStarter(ctx);
        this.statuses = new StatusBuilder(ctx);
        this.terminator = terminator;
    }

    void sync(PodWorker w) {
        Pod pod = w.pod;
        if (w.terminated) {
            return;
        }
        if (w.removed || pod.metadata().isDeleting()) {
            terminator.terminate(w);
            return;
        }
        if (w.finished || pod.isTerminal()) {
            w.finished = true;
            terminator.stopFinished(w);
            return;
        }
        if (w.startTime == null) {
            w.startTime = pod.status() != null && pod.status().startTime() != null ? pod.status().startTime()
                    : ctx.clock().now();
        }
        boolean sandboxReady = ensureSandbox(w, pod) && ensureVolumes(w, pod);
        // a pod's first sandbox, just begun, holds nothing yet: no listing while every new pod's sandbox starts
        RuntimeView view = firstSandbox(w) ? RuntimeView.EMPTY : RuntimeView.of(ctx.runtime(), ctx.clusterId(), w.uid);
        boolean changed = sandboxReady && runContainers(w, pod, view);
        if (w.sandboxStarting) {
            changed |= !finishSandbox(w, pod);
        }
        if (changed) {
            view = RuntimeView.of(ctx.runtime(), ctx.clusterId(), w.uid);
        }
        ensureProbes(w, pod, view);
        PodStatus status = statuses.build(w, view, w.sandboxId != null);
        if (status.isTerminal()) {
            w.finished = true;
        }
        writeStatus(w, status);
        w.probes.triggerUnready();
        if (w.finished) {
            terminator.stopFinished(w);
        }
    }

    /**
     * Probe workers for every running container of {@code view}, including those this sync started (their first
     * readiness probe runs now, not at the next sync), and none for the others.
     */
    private static void ensureProbes(PodWorker w, Pod pod, RuntimeView view) {
        for (Container c : pod.spec().containers()) {
            RuntimeContainerStatus s = view.latest(c.name());
            if (RuntimeView.running(s)) {
                w.probes.ensure(c, s.id(), w.sandboxId, w.podIP, s.startedAt());
            }
        }
        w.probes.retain(new HashSet<>(view.runningIds()));
    }

    /** Starts, restarts and kills what is due; {@code true} if it changed the runtime, so {@code view} is stale. */
    private boolean runContainers(PodWorker w, Pod pod, RuntimeView view) {
        for (Container c : pod.spec().initContainers()) {
            RuntimeContainerStatus s = view.latest(c.name());
            if (RuntimeView.exited(s) && s.exitCode() == 0) {
                continue;
            }
            if (s == null || RuntimeView.exited(s) && !PodSpec.RESTART_NEVER.equals(policy(pod))) {
                return startOrBackOff(w, pod, c, s);
            }
            return false;
        }
        boolean changed = false;
        for (Container c : pod.spec().containers()) {
            RuntimeContainerStatus s = view.latest(c.name());
            if (RuntimeView.running(s)) {
                String kill = w.killRequests.remove(s.id());
                if (kill == null) {
                    continue; // its probes: ensureProbes, after this
                }
                ctx.events().record(pod, Event.NORMAL, "Killing", "%s", kill);
                ctx.runtime().stopContainer(s.id(), grace(pod, c));
                s = ctx.runtime().containerStatus(s.id());
                changed = true;
            }
            if (s == null || RuntimeView.exited(s) && shouldRestart(pod, s)) {
                changed |= startOrBackOff(w, pod, c, s);
            }
        }
        return changed;
    }

    /**
     * Starts the first or next attempt of {@code c}, unless its restart back-off is running; {@code true} if it
     * tried the start.
     */
    private boolean startOrBackOff(PodWorker w, Pod pod, Container c, RuntimeContainerStatus last) {
        String key = ContainerStarter.restartKey(w, c);
        Instant failedAt = last != null ? last.finishedAt() : w.startFailures.get(c.name());
        if (failedAt != null) {
            if (ctx.backoff().inBackOffSince(key, failedAt)) {
                Duration delay = ctx.backoff().delay(key);
                String message = "back-off " + format(delay) + " restarting failed container=" + c.name() + " pod="
                        + pod.metadata().name() + "_" + pod.metadata().namespace() + "(" + w.uid + ")";
                ctx.events().record(pod, Event.WARNING, "BackOff", "Back-off restarting failed container %s in pod "
                        + "%s_%s(%s)", c.name(), pod.metadata().name(), pod.metadata().namespace(), w.uid);
                w.waiting.put(c.name(), new PodWorker.Waiting("CrashLoopBackOff", message));
                w.kickAfter(ctx.backoff().remaining(key, failedAt));
                return false;
            }
            if (last != null) {
                ctx.backoff().next(key, failedAt);
            }
        }
        int attempt = last == null ? restartsInEarlierSandboxes(w, c) : last.restartCount() + 1;
        starter.start(w, c, attempt);
        return true;
    }

    /**
     * The next attempt of a container the runtime holds none of: 0 for a new pod; after its sandbox was recreated
     * (a daemon restart removed it), one more than the pod's status shows, so the restart count goes on as
     * kubelet's does.
     */
    private static int restartsInEarlierSandboxes(PodWorker w, Container c) {
        return w.currentStatus().containerStatus(c.name()).filter(s -> s.containerID() != null)
                .map(s -> s.effectiveRestartCount() + 1).orElse(0);
    }

    private boolean shouldRestart(Pod pod, RuntimeContainerStatus s) {
        return switch (policy(pod)) {
            case PodSpec.RESTART_NEVER -> false;
            case PodSpec.RESTART_ON_FAILURE -> s.exitCode() != 0;
            default -> true;
        };
    }

    private boolean ensureSandbox(PodWorker w, Pod pod) {
        if (w.sandboxId != null) {
            try {
                PodSandboxStatus status = ctx.runtime().podSandboxStatus(w.sandboxId);
                if (status.state() == SandboxState.READY) {
                    return true;
                }
            } catch (ContainerRuntimeException.NotFound gone) {
                // recreated below
            }
            ctx.events().record(pod, Event.NORMAL, "SandboxChanged", "Pod sandbox changed, it will be killed and "
                    + "re-created.");
            ctx.runtime().removePodSandbox(w.sandboxId);
            w.sandboxId = null;
            w.sandboxAttempt++;
        }
        PodSandboxConfig config = sandboxConfig(pod, w.sandboxAttempt);
        boolean early = containersMayStartEarly(pod);
        ctx.sandboxStarts().began();
        try {
            w.sandboxId = early ? ctx.runtime().beginPodSandbox(config) : ctx.runtime().runPodSandbox(config);
            w.sandboxConfig = config;
            w.sandboxStarting = early;
            if (!early) {
                w.podIP = ctx.runtime().podSandboxStatus(w.sandboxId).ip();
            }
            return true;
        } catch (ContainerRuntimeException e) {
            sandboxFailed(w, pod, e);
            return false;
        } finally {
            if (!w.sandboxStarting) {
                ctx.sandboxStarts().ended();
            }
        }
    }

    /**
     * Whether this sync began the pod's first sandbox on a pod that never ran a container: then the runtime holds no
     * container of it (an earlier sandbox or agent would have left an attempt, a container id in the status).
     */
    private static boolean firstSandbox(PodWorker w) {
        return w.sandboxStarting && w.sandboxAttempt == 0 && w.currentStatus().containerStatuses().stream()
                .allMatch(s -> s.containerID() == null);
    }

    /**
     * Whether the pod's containers can be created while its sandbox still starts: nothing they need before they
     * run depends on the pod's IP (a {@code status.podIP} variable, a postStart hook) and no init container has to
     * finish first.
     */
    private static boolean containersMayStartEarly(Pod pod) {
        if (!pod.spec().initContainers().isEmpty()) {
            return false;
        }
        for (Container c : pod.spec().containers()) {
            if (c.lifecycle() != null && c.lifecycle().postStart() != null) {
                return false;
            }
            for (EnvVar e : c.env()) {
                if (e.valueFrom() != null && e.valueFrom().fieldRef() != null
                        && e.valueFrom().fieldRef().fieldPath().startsWith("status.podIP")) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Waits for a sandbox begun by this sync to finish starting and reads the pod's IP; if its start failed, removes
     * it with whatever was created in it and schedules a new one, as for a sandbox that could not be created.
     *
     * @return whether the sandbox runs
     */
    private boolean finishSandbox(PodWorker w, Pod pod) {
        w.sandboxStarting = false;
        try {
            w.podIP = ctx.runtime().podSandboxStatus(w.sandboxId).ip();
            return true;
        } catch (ContainerRuntimeException e) {
            String failed = w.sandboxId;
            w.sandboxId = null;
            ctx.runtime().removePodSandbox(failed);
            sandboxFailed(w, pod, e);
            return false;
        } finally {
            ctx.sandboxStarts().ended();
        }
    }

    private void sandboxFailed(PodWorker w, Pod pod, ContainerRuntimeException e) {
        ctx.events().record(pod, Event.WARNING, "FailedCreatePodSandBox", "Failed to create pod sandbox: %s",
                e.getMessage());
        for (Container c : pod.spec().containers()) {
            w.waiting.put(c.name(), new PodWorker.Waiting(ContainerStarter.CONTAINER_CREATING, null));
        }
        w.kickAfter(SANDBOX_RETRY);
    }

    /** Adopts a sandbox found in the runtime after an agent restart. */
    void adopt(PodWorker w, String sandboxId, PodSandboxStatus status) {
        w.sandboxId = sandboxId;
        w.sandboxAttempt = status.metadata().attempt();
        w.sandboxConfig = sandboxConfig(w.pod, w.sandboxAttempt);
        w.podIP = status.ip();
        if (w.pod.status() != null && w.pod.status().startTime() != null) {
            w.startTime = w.pod.status().startTime();
        }
    }

    private boolean ensureVolumes(PodWorker w, Pod pod) {
        try {
            w.volumeSources = ctx.volumes().setUp(pod, new FieldPaths(pod, w.podIP, ctx.hostIP(), ctx.allocatable()),
                    w.written);
            return true;
        } catch (ConfigError e) {
            ctx.events().record(pod, Event.WARNING, VolumeManager.FAILED_MOUNT, "%s", e.getMessage());
            w.kickAfter(ContainerStarter.CONFIG_RETRY);
            return false;
        }
    }

    PodSandboxConfig sandboxConfig(Pod pod, int attempt) {
        var meta = pod.metadata();
        PodSandboxConfig.Builder b = PodSandboxConfig.builder(meta.namespace(), meta.name(), meta.uid())
                .attempt(attempt)
                .hostname(pod.spec().hostname() != null ? pod.spec().hostname() : meta.name())
                .labels(ctx.podLabels(meta.namespace(), meta.name(), meta.uid(), RuntimeLabels.KIND_SANDBOX))
                .hostNetwork(Boolean.TRUE.equals(pod.spec().hostNetwork()))
                .singleContainer(pod.spec().initContainers().isEmpty() && pod.spec().containers().size() == 1);
        DnsConfig dns = ctx.dns().forPod(pod);
        if (dns != null) {
            b.dnsConfig(dns);
        }
        for (Container c : pod.spec().containers()) {
            for (ContainerPort p : c.ports()) {
                if (p.hostPort() != null && p.hostPort() > 0 && p.containerPort() != null) {
                    PortMapping.Protocol protocol = PortMapping.Protocol.valueOf(
                            (p.protocol() == null ? "TCP" : p.protocol()).toUpperCase(Locale.ROOT));
                    b.portMapping(new PortMapping(protocol, p.containerPort(), p.hostPort(), p.hostIP()));
                }
            }
        }
        return b.build();
    }

    private void writeStatus(PodWorker w, PodStatus status) {
        if (status.equals(w.pod.status())) {
            return;
        }
        Pod pod = w.pod;
        w.writtenStatus = status; // before the write: its echo may reach the agent before the write returns
        try {
            Pod written = ctx.client().pods().inNamespace(pod.metadata().namespace()).updateStatus(
                    pod.metadata().name(), p -> p.metadata().uid().equals(w.uid) ? p.withStatus(status) : p);
            if (written.metadata().uid().equals(w.uid)) {
                w.pod = written;
            }
        } catch (StoreException.NotFound gone) {
            w.removed = true;
            w.kick();
        }
    }

    static String policy(Pod pod) {
        return pod.spec().restartPolicy() == null ? PodSpec.RESTART_ALWAYS : pod.spec().restartPolicy();
    }

    static Duration grace(Pod pod, Container c) {
        if (c.livenessProbe() != null && c.livenessProbe().terminationGracePeriodSeconds() != null) {
            return Duration.ofSeconds(c.livenessProbe().terminationGracePeriodSeconds());
        }
        Long seconds = pod.spec().terminationGracePeriodSeconds();
        return Duration.ofSeconds(seconds == null ? PodSpec.DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS : seconds);
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }
}
