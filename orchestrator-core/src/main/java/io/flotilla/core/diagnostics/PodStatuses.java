package io.flotilla.core.diagnostics;

import io.flotilla.api.core.ContainerState;
import io.flotilla.api.core.ContainerStateTerminated;
import io.flotilla.api.core.ContainerStatus;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pod's state in the words of {@code kubectl get pods}: the READY and STATUS columns ({@code ContainerCreating},
 * {@code Init:0/1}, {@code CrashLoopBackOff}, {@code Completed}, {@code Terminating}, ...), its restarts, and
 * whether it cannot start at all (and why).
 *
 * <p>Stateless and thread-safe; arguments must not be {@code null}.
 */
public final class PodStatuses {
    /**
     * Waiting reasons that mean a container will not start without a change: bad or missing images, bad
     * configuration, and crash loops.
     */
    public static final Set<String> FAILING_REASONS = Set.of("CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull",
            "InvalidImageName", "ErrImageNeverPull", "CreateContainerConfigError", "CreateContainerError",
            "RunContainerError", "PreStartHookError", "PostStartHookError");

    private PodStatuses() {
    }

    /** The STATUS column of {@code kubectl get pods}, computed the same way. */
    public static String status(Pod pod) {
        PodStatus s = pod.status();
        String reason = s == null || s.phase() == null ? PodStatus.PENDING : s.phase();
        if (s != null && s.reason() != null && !s.reason().isEmpty()) {
            reason = s.reason();
        }
        String init = s == null ? null : initStatus(pod, s);
        if (init != null) {
            reason = init;
        } else if (s != null) {
            reason = containerStatus(s, reason);
        }
        if (pod.metadata().deletionTimestamp() != null) {
            return s != null && "NodeLost".equals(s.reason()) ? PodStatus.UNKNOWN : "Terminating";
        }
        return reason;
    }

    /** The READY column: ready containers / containers, such as {@code 1/2}. */
    public static String ready(Pod pod) {
        int total = pod.spec() == null ? 0 : pod.spec().containers().size();
        long ready = pod.status() == null ? 0 : pod.status().containerStatuses().stream()
                .filter(c -> Boolean.TRUE.equals(c.ready()) && c.state() != null && c.state().isRunning()).count();
        return ready + "/" + total;
    }

    /** The RESTARTS column: restarts of every container, init containers included. */
    public static int restarts(Pod pod) {
        if (pod.status() == null) {
            return 0;
        }
        int sum = 0;
        for (ContainerStatus c : pod.status().initContainerStatuses()) {
            sum += c.effectiveRestartCount();
        }
        for (ContainerStatus c : pod.status().containerStatuses()) {
            sum += c.effectiveRestartCount();
        }
        return sum;
    }

    /**
     * Why {@code pod} cannot start, if it cannot: a container waiting for one of the {@link #FAILING_REASONS}, a
     * container that restarted more than {@code toleratedRestarts} times, or a pod that failed as a whole.
     *
     * @return a one-line description naming the container, such as
     *         {@code container app: CrashLoopBackOff (last exit code 1: Error)}; empty when nothing is wrong yet
     */
    public static Optional<String> failure(Pod pod, int toleratedRestarts) {
        PodStatus s = pod.status();
        if (s == null) {
            return Optional.empty();
        }
        if (PodStatus.FAILED.equals(s.phase())) {
            return Optional.of("pod failed" + text(": ", s.reason()) + text(": ", s.message())
                    + lastExit(s.initContainerStatuses()) + lastExit(s.containerStatuses()));
        }
        return Optional.ofNullable(failing(s.initContainerStatuses(), "init container ", toleratedRestarts))
                .or(() -> Optional.ofNullable(failing(s.containerStatuses(), "container ", toleratedRestarts)));
    }

    /**
     * Whether container {@code c} of {@code pod} is failing or has failed: it restarted, or it is not ready and
     * waiting for one of the {@link #FAILING_REASONS} or exited with a non-zero code.
     */
    public static boolean isFailing(Pod pod, ContainerStatus c) {
        if (c.effectiveRestartCount() > 0) {
            return true;
        }
        if (Boolean.TRUE.equals(c.ready())) {
            return false;
        }
        ContainerState state = c.state();
        if (state != null && state.waiting() != null && FAILING_REASONS.contains(state.waiting().reason())) {
            return true;
        }
        ContainerStateTerminated t = state == null ? null : state.terminated();
        return t != null && t.exitCode() != null && t.exitCode() != 0;
    }

    /** Container {@code c}'s state in a few words, such as {@code waiting: CrashLoopBackOff, 3 restarts, last exit
     * code 1}. */
    public static String describe(ContainerStatus c) {
        ContainerState state = c.state();
        StringBuilder out = new StringBuilder();
        if (state == null) {
            out.append("no state");
        } else if (state.waiting() != null) {
            out.append("waiting").append(text(": ", state.waiting().reason()));
        } else if (state.running() != null) {
            out.append(Boolean.TRUE.equals(c.ready()) ? "running, ready" : "running, not ready");
        } else if (state.terminated() != null) {
            out.append("terminated").append(text(": ", state.terminated().reason()));
        }
        if (c.effectiveRestartCount() > 0) {
            out.append(", ").append(c.effectiveRestartCount()).append(" restarts");
        }
        ContainerStateTerminated t = terminated(c);
        if (t != null && t.exitCode() != null) {
            out.append(state != null && state.terminated() != null ? ", exit code " : ", last exit code ")
                    .append(t.exitCode());
        }
        return out.toString();
    }

    private static String failing(List<ContainerStatus> statuses, String what, int toleratedRestarts) {
        for (ContainerStatus c : statuses) {
            ContainerState state = c.state();
            String waiting = state == null || state.waiting() == null ? null : state.waiting().reason();
            boolean badReason = waiting != null && FAILING_REASONS.contains(waiting)
                    && (!"CrashLoopBackOff".equals(waiting) || c.effectiveRestartCount() > toleratedRestarts);
            if (badReason || c.effectiveRestartCount() > toleratedRestarts) {
                String why = waiting != null ? waiting : "restarted " + c.effectiveRestartCount() + " times";
                String message = state == null || state.waiting() == null ? null : state.waiting().message();
                return what + c.name() + ": " + why + text(" (", message, ")") + lastExit(List.of(c));
            }
        }
        return null;
    }

    private static String lastExit(List<ContainerStatus> statuses) {
        for (ContainerStatus c : statuses) {
            ContainerStateTerminated t = terminated(c);
            if (t != null && t.exitCode() != null && t.exitCode() != 0) {
                return "; " + c.name() + " last exit code " + t.exitCode() + text(": ", t.reason());
            }
        }
        return "";
    }

    private static ContainerStateTerminated terminated(ContainerStatus c) {
        if (c.state() != null && c.state().terminated() != null) {
            return c.state().terminated();
        }
        return c.lastState() == null ? null : c.lastState().terminated();
    }

    /** The init containers' part of the status, or {@code null} when initialisation is done. */
    private static String initStatus(Pod pod, PodStatus s) {
        if (s.condition(PodCondition.INITIALIZED).map(PodCondition::isTrue).orElse(false)) {
            return null;
        }
        List<ContainerStatus> inits = s.initContainerStatuses();
        for (int i = 0; i < inits.size(); i++) {
            ContainerStatus c = inits.get(i);
            ContainerState state = c.state();
            ContainerStateTerminated t = state == null ? null : state.terminated();
            if (t != null && t.exitCode() != null && t.exitCode() == 0) {
                continue;
            }
            if (t != null) {
                if (t.reason() != null && !t.reason().isEmpty()) {
                    return "Init:" + t.reason();
                }
                return t.signal() != null && t.signal() != 0 ? "Init:Signal:" + t.signal()
                        : "Init:ExitCode:" + t.exitCode();
            }
            if (state != null && state.waiting() != null && state.waiting().reason() != null
                    && !state.waiting().reason().isEmpty() && !"PodInitializing".equals(state.waiting().reason())) {
                return "Init:" + state.waiting().reason();
            }
            return "Init:" + i + "/" + pod.spec().initContainers().size();
        }
        return null;
    }

    private static String containerStatus(PodStatus s, String phaseReason) {
        String reason = phaseReason;
        boolean hasRunning = false;
        List<ContainerStatus> statuses = s.containerStatuses();
        for (int i = statuses.size() - 1; i >= 0; i--) {
            ContainerState state = statuses.get(i).state();
            if (state == null) {
                continue;
            }
            if (state.waiting() != null && state.waiting().reason() != null && !state.waiting().reason().isEmpty()) {
                reason = state.waiting().reason();
            } else if (state.terminated() != null) {
                ContainerStateTerminated t = state.terminated();
                if (t.reason() != null && !t.reason().isEmpty()) {
                    reason = t.reason();
                } else {
                    reason = t.signal() != null && t.signal() != 0 ? "Signal:" + t.signal()
                            : "ExitCode:" + t.exitCode();
                }
            } else if (state.isRunning() && Boolean.TRUE.equals(statuses.get(i).ready())) {
                hasRunning = true;
            }
        }
        if ("Completed".equals(reason) && hasRunning) {
            reason = s.isReady() ? PodStatus.RUNNING : "NotReady";
        }
        return reason;
    }

    private static String text(String prefix, String value) {
        return value == null || value.isEmpty() ? "" : prefix + value;
    }

    private static String text(String prefix, String value, String suffix) {
        return value == null || value.isEmpty() ? "" : prefix + value + suffix;
    }
}
