package io.flotilla.core.sim;

import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ExecResult;
import io.flotilla.api.runtime.LogLine;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.api.runtime.RuntimeEvent;
import io.flotilla.api.runtime.VolumeFile;
import io.flotilla.core.sim.SimBehavior.HttpAnswer;
import io.flotilla.core.sim.SimBehavior.Step;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs the {@link SimBehavior} scripts of a simulated node's containers: start, timed steps, exit and OOM, stop with
 * or without honouring SIGTERM, exec answers, and the in-sandbox network (a container reaches the ports its siblings
 * serve, as containers of one pod share {@code 127.0.0.1}). Every method runs with the runtime's lock held; timed
 * steps come back through {@link SimulatedRuntime#timer}, which takes the lock again.
 */
final class SimProcesses {
    /** The exit code of a process killed by SIGKILL. */
    static final int KILLED = 137;
    /** The exit code of a process ended by SIGTERM. */
    static final int TERMINATED = 143;

    private final SimPods node;

    SimProcesses(SimPods node) {
        this.node = node;
    }

    void start(SimContainer c, SimBehavior behavior) {
        c.behavior = behavior;
        c.state = ContainerRunState.RUNNING;
        c.startedAt = node.clock().now();
        c.startedNanos = node.clock().nanoTime();
        node.publish(RuntimeEvent.Type.CONTAINER_STARTED, c, 0);
        long limit = c.config.resources().memoryLimitBytes();
        if (limit > 0 && behavior.allocatedBytes() > limit) {
            exit(c, KILLED, true);
            return;
        }
        for (Step step : behavior.steps()) {
            if (step.at().isZero()) {
                run(c, step);
                if (!c.running()) {
                    return;
                }
            } else {
                c.timers.add(node.timer(step.at(), () -> run(c, step)));
            }
        }
    }

    /** Ends the process with {@code exitCode}; {@code oomKilled} adds an OOM event and the {@code OOMKilled} reason. */
    void exit(SimContainer c, int exitCode, boolean oomKilled) {
        if (!c.running()) {
            return;
        }
        c.cancelTimers();
        c.state = ContainerRunState.EXITED;
        c.exitCode = exitCode;
        c.reason = RuntimeContainerStatus.exitReason(exitCode, oomKilled);
        c.message = oomKilled ? "memory limit of " + c.config.resources().memoryLimitBytes() + " bytes exceeded"
                : null;
        c.finishedAt = node.clock().now();
        c.finishedNanos = node.clock().nanoTime();
        if (oomKilled) {
            node.publish(RuntimeEvent.Type.CONTAINER_OOM, c, 0);
        }
        node.publish(RuntimeEvent.Type.CONTAINER_EXITED, c, exitCode);
        c.log.end(node.delivery());
        c.exited.complete(null);
    }

    /**
     * Sends SIGTERM: a container honouring it exits with 143 at once; one ignoring it is killed when the grace
     * period ends (at once for a zero grace period).
     */
    void stop(SimContainer c, Duration gracePeriod) {
        if (!c.running()) {
            return;
        }
        if (c.behavior.honoursSigterm()) {
            exit(c, TERMINATED, false);
        } else if (gracePeriod.isZero() || gracePeriod.isNegative()) {
            exit(c, KILLED, false);
        } else {
            c.timers.add(node.timer(gracePeriod, () -> exit(c, KILLED, false)));
        }
    }

    ExecResult exec(SimContainer c, List<String> command) {
        return c.behavior.execAnswer(command).orElseGet(() -> ExecResult.timeout("", ""));
    }

    /** What a GET of {@code port}/{@code path} on the sandbox's network answers; empty when nothing listens. */
    Optional<HttpAnswer> serve(String sandboxId, int port, String path) {
        long now = node.clock().nanoTime();
        for (SimContainer sibling : node.containersOf(sandboxId)) {
            if (sibling.running()) {
                Optional<HttpAnswer> answer = sibling.behavior.httpAnswer(port, path, sibling.uptime(now));
                if (answer.isPresent()) {
                    return answer;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a container of the sandbox accepts TCP connections on {@code port}. */
    boolean listens(String sandboxId, int port) {
        long now = node.clock().nanoTime();
        return node.containersOf(sandboxId).stream()
                .anyMatch(s -> s.running() && s.behavior.listensAt(port, s.uptime(now)));
    }

    private void run(SimContainer c, Step step) {
        if (!c.running()) {
            return;
        }
        switch (step.kind()) {
            case PRINT -> print(c, step.stream(), step.text());
            case PRINT_FILE -> readFile(c, step.text()).ifPresentOrElse(
                    f -> printAll(c, f.contentAsString()),
                    () -> print(c, LogLine.Stream.STDERR, "cat: can't open '" + step.text() + "': No such file"));
            case PRINT_MODE -> readFile(c, step.text()).ifPresentOrElse(
                    f -> print(c, LogLine.Stream.STDOUT, Integer.toOctalString(f.mode())),
                    () -> print(c, LogLine.Stream.STDERR, "stat: can't stat '" + step.text() + "'"));
            case FETCH -> fetch(c, step.number(), step.text());
            case EXIT -> exit(c, step.number(), false);
            case OOM -> exit(c, KILLED, true);
        }
    }

    private void fetch(SimContainer c, int port, String path) {
        Optional<HttpAnswer> answer = serve(c.sandboxId, port, path);
        if (answer.isPresent() && answer.get().status() < 400) {
            printAll(c, answer.get().body());
        } else {
            print(c, LogLine.Stream.STDERR, answer.isPresent()
                    ? "wget: server returned error: HTTP/1.1 " + answer.get().status()
                    : "wget: can't connect to remote host (127.0.0.1): Connection refused");
            exit(c, 1, false);
        }
    }

    private Optional<VolumeFile> readFile(SimContainer c, String containerPath) {
        return c.resolveVolumePath(containerPath).flatMap(p -> node.volumes.file(p[0], p[1]));
    }

    private void printAll(SimContainer c, String text) {
        for (String line : text.split("\n")) {
            print(c, LogLine.Stream.STDOUT, line);
        }
    }

    private void print(SimContainer c, LogLine.Stream stream, String text) {
        c.log.append(new LogLine(node.clock().now(), stream, text), node.delivery());
    }
}
