package io.flotilla.core.node;

import io.flotilla.api.core.Container;
import io.flotilla.api.core.ContainerState;
import io.flotilla.api.core.ContainerStateTerminated;
import io.flotilla.api.core.ContainerStatus;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodIP;
import io.flotilla.api.core.PodReadinessGate;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.core.ResourceRequirements;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/*
 * Design notes: kubelet's generateAPIPodStatus + getPhase. Container states come from the runtime (newest attempt
 * and the one before), overlaid with the worker's waiting reasons (ErrImagePull, CrashLoopBackOff, ...); ready and
 * started come from the probe results. Conditions keep their lastTransitionTime while their status holds, so an
 * unchanged pod produces an equal status and no write.
 */

/** Builds a pod's status from the runtime view and the worker's state. Stateless. */
final class StatusBuilder {
    private static final Set<String> OWNED = Set.of(PodCondition.POD_READY_TO_START_CONTAINERS,
            PodCondition.INITIALIZED, PodCondition.CONTAINERS_READY, PodCondition.READY, PodCondition.POD_SCHEDULED);

    private final AgentContext ctx;

    StatusBuilder(AgentContext ctx) {
        this.ctx = ctx;
    }

    PodStatus build(PodWorker w, RuntimeView view, boolean sandboxReady) {
        Pod pod = w.pod;
        PodStatus old = w.currentStatus();
        Instant now = ctx.clock().now();
        List<ContainerStatus> init = new ArrayList<>();
        for (Container c : pod.spec().initContainers()) {
            init.add(container(w, c, view, "PodInitializing"));
        }
        List<ContainerStatus> app = new ArrayList<>();
        boolean initDone = initDone(pod, view);
        for (Container c : pod.spec().containers()) {
            app.add(container(w, c, view, initDone ? ContainerStarter.CONTAINER_CREATING : "PodInitializing"));
        }
        String phase = phase(pod, init, app, view);
        List<PodCondition> conditions = new ArrayList<>();
        for (PodCondition c : old.conditions()) {
            if (!OWNED.contains(c.type())) {
                conditions.add(c);
            }
        }
        conditions.add(condition(old, PodCondition.POD_SCHEDULED, PodCondition.TRUE, null, null, now));
        conditions.add(condition(old, PodCondition.POD_READY_TO_START_CONTAINERS,
                sandboxReady ? PodCondition.TRUE : PodCondition.FALSE, null, null, now));
        List<String> incomplete = init.stream().filter(s -> !succeeded(s)).map(ContainerStatus::name).toList();
        conditions.add(condition(old, PodCondition.INITIALIZED, incomplete.isEmpty() ? PodCondition.TRUE
                : PodCondition.FALSE, incomplete.isEmpty() ? null : "ContainersNotInitialized",
                incomplete.isEmpty() ? null : "containers with incomplete status: " + names(incomplete), now));
        boolean completed = PodStatus.SUCCEEDED.equals(phase) || PodStatus.FAILED.equals(phase);
        List<String> unready = app.stream().filter(s -> !Boolean.TRUE.equals(s.ready()))
                .map(ContainerStatus::name).toList();
        boolean containersReady = unready.isEmpty() && !completed;
        String reason = completed ? "PodCompleted" : containersReady ? null : "ContainersNotReady";
        String message = containersReady || completed ? null : "containers with unready status: " + names(unready);
        conditions.add(condition(old, PodCondition.CONTAINERS_READY, containersReady ? PodCondition.TRUE
                : PodCondition.FALSE, reason, message, now));
        boolean gates = gatesPass(pod, old);
        boolean ready = containersReady && gates;
        conditions.add(condition(old, PodCondition.READY, ready ? PodCondition.TRUE : PodCondition.FALSE,
                ready ? null : containersReady ? "ReadinessGatesNotReady" : reason,
                ready ? null : containersReady ? "the status of pod readiness gates is not \"True\"" : message, now));
        String ip = sandboxReady || completed ? w.podIP : null;
        return new PodStatus(phase, conditions, null, null, ctx.hostIP(), ip,
                ip == null ? List.of() : List.of(new PodIP(ip)), w.startTime, init, app, qos(pod));
    }

    private ContainerStatus container(PodWorker w, Container c, RuntimeView view, String defaultWaiting) {
        RuntimeContainerStatus latest = view.latest(c.name());
        PodWorker.Waiting waiting = w.waiting.get(c.name());
        if (latest == null) {
            ContainerState state = waiting != null ? ContainerState.waiting(waiting.reason(), waiting.message())
                    : ContainerState.waiting(defaultWaiting, null);
            return new ContainerStatus(c.name(), state, null, false, 0, c.image(), "", null, false);
        }
        ContainerState lastState = terminated(view.previous(c.name()));
        ContainerState state;
        boolean ready = false;
        boolean started = false;
        if (latest.state() == ContainerRunState.RUNNING) {
            state = ContainerState.running(latest.startedAt());
            started = w.probes.started(latest.id(), c);
            ready = w.probes.ready(latest.id(), c);
        } else if (latest.state() == ContainerRunState.EXITED) {
            if (waiting != null) {
                state = ContainerState.waiting(waiting.reason(), waiting.message());
                lastState = terminated(latest);
            } else {
                state = terminated(latest);
            }
        } else {
            state = ContainerState.waiting(ContainerStarter.CONTAINER_CREATING, null);
        }
        return new ContainerStatus(c.name(), state, lastState, ready, latest.restartCount(), c.image(),
                latest.imageRef() == null ? "" : latest.imageRef(), ctx.containerID(latest.id()), started);
    }

    private ContainerState terminated(RuntimeContainerStatus s) {
        if (s == null || s.state() != ContainerRunState.EXITED) {
            return null;
        }
        String reason = s.reason() != null ? s.reason() : RuntimeContainerStatus.exitReason(s.exitCode(), false);
        return ContainerState.terminated(new ContainerStateTerminated(s.exitCode(), null, reason, s.message(),
                s.startedAt(), s.finishedAt(), ctx.containerID(s.id())));
    }

    /** Whether every init container has succeeded (its newest attempt exited 0). */
    static boolean initDone(Pod pod, RuntimeView view) {
        for (Container c : pod.spec().initContainers()) {
            RuntimeContainerStatus s = view.latest(c.name());
            if (!RuntimeView.exited(s) || s.exitCode() != 0) {
                return false;
            }
        }
        return true;
    }

    /** Kubelet's getPhase. */
    private static String phase(Pod pod, List<ContainerStatus> init, List<ContainerStatus> app, RuntimeView view) {
        String policy = pod.spec().restartPolicy() == null ? PodSpec.RESTART_ALWAYS : pod.spec().restartPolicy();
        boolean initFailed = false;
        boolean initPending = false;
        for (ContainerStatus s : init) {
            if (succeeded(s)) {
                continue;
            }
            initPending = true;
            ContainerState last = s.state().terminated() != null ? s.state() : s.lastState();
            if (last != null && last.terminated() != null && last.terminated().exitCode() != 0) {
                initFailed = true;
            }
        }
        if (initFailed && PodSpec.RESTART_NEVER.equals(policy)) {
            return PodStatus.FAILED;
        }
        if (initPending) {
            return PodStatus.PENDING;
        }
        int waiting = 0;
        int running = 0;
        int stopped = 0;
        int succeeded = 0;
        for (ContainerStatus s : app) {
            if (s.state().running() != null) {
                running++;
            } else if (s.state().terminated() != null) {
                stopped++;
                if (s.state().terminated().exitCode() == 0) {
                    succeeded++;
                }
            } else if (s.lastState() != null && s.lastState().terminated() != null) {
                stopped++;
            } else {
                waiting++;
            }
        }
        if (waiting > 0) {
            return PodStatus.PENDING;
        }
        if (running > 0) {
            return PodStatus.RUNNING;
        }
        if (stopped > 0) {
            if (PodSpec.RESTART_ALWAYS.equals(policy)) {
                return PodStatus.RUNNING;
            }
            if (stopped == succeeded) {
                return PodStatus.SUCCEEDED;
            }
            return PodSpec.RESTART_NEVER.equals(policy) ? PodStatus.FAILED : PodStatus.RUNNING;
        }
        return PodStatus.PENDING;
    }

    private static boolean succeeded(ContainerStatus s) {
        return s.state().terminated() != null && s.state().terminated().exitCode() == 0;
    }

    private static boolean gatesPass(Pod pod, PodStatus old) {
        for (PodReadinessGate gate : pod.spec().readinessGates()) {
            boolean ok = old.conditions().stream()
                    .anyMatch(c -> c.type().equals(gate.conditionType()) && PodCondition.TRUE.equals(c.status()));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static PodCondition condition(PodStatus old, String type, String status, String reason, String message,
                                          Instant now) {
        Instant since = now;
        for (PodCondition c : old.conditions()) {
            if (c.type().equals(type) && c.status().equals(status) && c.lastTransitionTime() != null) {
                since = c.lastTransitionTime();
            }
        }
        return new PodCondition(type, status, null, since, reason, message);
    }

    private static String names(List<String> names) {
        return "[" + String.join(" ", names) + "]";
    }

    private static String qos(Pod pod) {
        boolean any = false;
        boolean guaranteed = true;
        for (Container c : pod.spec().containers()) {
            ResourceRequirements r = c.effectiveResources();
            any |= !r.limits().isEmpty() || !r.requests().isEmpty();
            for (String res : List.of(ResourceRequirements.CPU, ResourceRequirements.MEMORY)) {
                var limit = r.limits().get(res);
                guaranteed &= limit != null && limit.equals(r.effectiveRequest(res));
            }
        }
        return !any ? PodStatus.QOS_BEST_EFFORT : guaranteed ? PodStatus.QOS_GUARANTEED : PodStatus.QOS_BURSTABLE;
    }
}
