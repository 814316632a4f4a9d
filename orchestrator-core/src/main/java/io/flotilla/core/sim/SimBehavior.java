package io.flotilla.core.sim;

import io.flotilla.api.runtime.ExecResult;
import io.flotilla.api.runtime.LogLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a simulated container does once started: a script of timed steps (print, exit, OOM, read a mounted file,
 * fetch from a sibling) plus how it answers exec, HTTP and TCP probes, how much it uses, and how it takes SIGTERM.
 * Offsets are measured from the moment the container starts, on the runtime's clock.
 *
 * <pre>{@code
 * SimBehavior.runsForever().serves(8080, "/healthz", 200, "ok").usage(250, 64 << 20)
 * SimBehavior.exitsAfter(Duration.ofSeconds(5), 1)            // a crash loop when every attempt does this
 * SimBehavior.runsForever().allocates(64 << 20)               // OOM-killed at once under a smaller limit
 * }</pre>
 *
 * <p>Immutable and thread-safe: every method returns a new behaviour. Steps at the same offset run in the order they
 * were added; a step at offset zero runs inside {@code startContainer}. Once the container exits, later steps do
 * not run.
 */
public final class SimBehavior {
    /** A container that runs until stopped, answers every exec with exit code 0, and uses 1m CPU and 1 MiB. */
    public static final SimBehavior DEFAULT = new SimBehavior();
    private static final ExecResult OK = ExecResult.of(0, "", "");

    private final List<Step> steps;
    private final List<HttpAnswer> http;
    private final Set<Integer> tcpPorts;
    private final Map<List<String>, Optional<ExecResult>> exec;
    private final ExecResult execDefault;
    private final long cpuMillis;
    private final long memoryBytes;
    private final long allocatedBytes;
    private final Duration startLatency;
    private final boolean ignoresSigterm;
    private final String startFailure;

    private SimBehavior() {
        this(List.of(), List.of(), Set.of(), Map.of(), OK, 1, 1 << 20, 0, Duration.ZERO, false, null);
    }

    private SimBehavior(List<Step> steps, List<HttpAnswer> http, Set<Integer> tcpPorts,
                        Map<List<String>, Optional<ExecResult>> exec, ExecResult execDefault, long cpuMillis,
                        long memoryBytes, long allocatedBytes, Duration startLatency, boolean ignoresSigterm,
                        String startFailure) {
        this.steps = steps;
        this.http = http;
        this.tcpPorts = tcpPorts;
        this.exec = exec;
        this.execDefault = execDefault;
        this.cpuMillis = cpuMillis;
        this.memoryBytes = memoryBytes;
        this.allocatedBytes = allocatedBytes;
        this.startLatency = startLatency;
        this.ignoresSigterm = ignoresSigterm;
        this.startFailure = startFailure;
    }

    /** {@link #DEFAULT}: runs until stopped. */
    public static SimBehavior runsForever() {
        return DEFAULT;
    }

    /** Exits with {@code exitCode} {@code after} the start. */
    public static SimBehavior exitsAfter(Duration after, int exitCode) {
        return DEFAULT.exitAt(after, exitCode);
    }

    /**
     * A container whose command cannot be executed: {@code startContainer} fails as Docker and containerd (runc)
     * report a missing executable, {@code exec: "command": executable file not found in $PATH}.
     *
     * @param command the missing executable, such as {@code "no-such-binary"}; not {@code null}
     */
    public static SimBehavior commandNotFound(String command) {
        Objects.requireNonNull(command, "command");
        return DEFAULT.failsToStart("failed to create task for container: failed to create shim task: OCI runtime "
                + "create failed: runc create failed: unable to start container process: exec: \"" + command
                + "\": executable file not found in $PATH: unknown");
    }

    /**
     * This behaviour, never starting: {@code startContainer} throws a {@code ContainerRuntimeException} with
     * {@code message} at once (no start latency, no steps) and the container stays created, as with a real runtime
     * whose process cannot be launched.
     *
     * @param message the runtime's error text; not {@code null}
     */
    public SimBehavior failsToStart(String message) {
        return new SimBehavior(steps, http, tcpPorts, exec, execDefault, cpuMillis, memoryBytes, allocatedBytes,
                startLatency, ignoresSigterm, Objects.requireNonNull(message, "message"));
    }

    /** This behaviour, exiting with {@code exitCode} at {@code at}. */
    public SimBehavior exitAt(Duration at, int exitCode) {
        return withStep(new Step(at, StepKind.EXIT, null, null, exitCode));
    }

    /** This behaviour, killed by the OOM killer (exit code 137, reason {@code OOMKilled}) at {@code at}. */
    public SimBehavior oomAt(Duration at) {
        return withStep(new Step(at, StepKind.OOM, null, null, 137));
    }

    /** This behaviour, printing {@code lines} to stdout at once. */
    public SimBehavior prints(String... lines) {
        SimBehavior result = this;
        for (String line : lines) {
            result = result.printsAt(Duration.ZERO, LogLine.Stream.STDOUT, line);
        }
        return result;
    }

    /** This behaviour, printing {@code text} to {@code stream} at {@code at}. */
    public SimBehavior printsAt(Duration at, LogLine.Stream stream, String text) {
        return withStep(new Step(at, StepKind.PRINT, Objects.requireNonNull(stream, "stream"),
                Objects.requireNonNull(text, "text"), 0));
    }

    /** This behaviour, printing line {@code i} of {@code lines} to stdout at {@code i * period}. */
    public SimBehavior printsEvery(Duration period, String... lines) {
        SimBehavior result = this;
        for (int i = 0; i < lines.length; i++) {
            result = result.printsAt(period.multipliedBy(i), LogLine.Stream.STDOUT, lines[i]);
        }
        return result;
    }

    /** This behaviour, printing the content of the mounted file {@code containerPath} (like {@code cat}) at once. */
    public SimBehavior printsFile(String containerPath) {
        return withStep(new Step(Duration.ZERO, StepKind.PRINT_FILE, null, containerPath, 0));
    }

    /** This behaviour, printing the octal mode of the mounted file {@code containerPath} (like {@code stat -c %a}). */
    public SimBehavior printsFileMode(String containerPath) {
        return withStep(new Step(Duration.ZERO, StepKind.PRINT_MODE, null, containerPath, 0));
    }

    /**
     * This behaviour, fetching {@code http://127.0.0.1:port/path} at once from a container of the same sandbox and
     * printing the body; when nothing serves it, the container prints an error and exits with 1.
     */
    public SimBehavior fetches(int port, String path) {
        return withStep(new Step(Duration.ZERO, StepKind.FETCH, null, path, port));
    }

    /** This behaviour, answering HTTP GETs of {@code path} on {@code port} with {@code status} and {@code body}. */
    public SimBehavior serves(int port, String path, int status, String body) {
        return servesBetween(Duration.ZERO, null, port, path, status, body);
    }

    /**
     * This behaviour, answering HTTP GETs of {@code path} on {@code port} only from {@code from} until
     * {@code until} after the start (for slow starts and health that degrades).
     *
     * @param until the end of the window, or {@code null} for ever
     */
    public SimBehavior servesBetween(Duration from, Duration until, int port, String path, int status, String body) {
        List<HttpAnswer> answers = new ArrayList<>(http);
        answers.add(new HttpAnswer(Objects.requireNonNull(from, "from"), until, port,
                Objects.requireNonNull(path, "path"), status, Objects.requireNonNull(body, "body")));
        return new SimBehavior(steps, List.copyOf(answers), tcpPorts, exec, execDefault, cpuMillis, memoryBytes,
                allocatedBytes, startLatency, ignoresSigterm, startFailure);
    }

    /** This behaviour, accepting TCP connections on {@code port} (ports it serves HTTP on accept them too). */
    public SimBehavior listens(int port) {
        Set<Integer> ports = new TreeSet<>(tcpPorts);
        ports.add(port);
        return new SimBehavior(steps, http, Set.copyOf(ports), exec, execDefault, cpuMillis, memoryBytes,
                allocatedBytes, startLatency, ignoresSigterm, startFailure);
    }

    /** This behaviour, answering exec of exactly {@code command} with {@code result}. */
    public SimBehavior exec(List<String> command, ExecResult result) {
        return withExec(command, Optional.of(Objects.requireNonNull(result, "result")));
    }

    /** This behaviour, never finishing exec of exactly {@code command} (it times out). */
    public SimBehavior execHangs(List<String> command) {
        return withExec(command, Optional.empty());
    }

    /** This behaviour, answering every exec not declared with {@link #exec} with {@code result}. */
    public SimBehavior execDefault(ExecResult result) {
        return new SimBehavior(steps, http, tcpPorts, exec, Objects.requireNonNull(result, "result"), cpuMillis,
                memoryBytes, allocatedBytes, startLatency, ignoresSigterm, startFailure);
    }

    /** This behaviour, using {@code cpuMillis} millicores and {@code memoryBytes} of working set while running. */
    public SimBehavior usage(long cpuMillis, long memoryBytes) {
        return new SimBehavior(steps, http, tcpPorts, exec, execDefault, cpuMillis, memoryBytes, allocatedBytes,
                startLatency, ignoresSigterm, startFailure);
    }

    /**
     * This behaviour, allocating {@code bytes} at start: a container whose memory limit is lower is OOM-killed at
     * once; otherwise the allocation counts in its working set.
     */
    public SimBehavior allocates(long bytes) {
        return new SimBehavior(steps, http, tcpPorts, exec, execDefault, cpuMillis, memoryBytes, bytes, startLatency,
                ignoresSigterm, startFailure);
    }

    /** This behaviour, taking {@code latency} to start (the caller of {@code startContainer} waits it out). */
    public SimBehavior startLatency(Duration latency) {
        return new SimBehavior(steps, http, tcpPorts, exec, execDefault, cpuMillis, memoryBytes, allocatedBytes,
                Objects.requireNonNull(latency, "latency"), ignoresSigterm, startFailure);
    }

    /** This behaviour, ignoring SIGTERM like a shell or {@code sleep} as PID 1: a stop waits out the grace period. */
    public SimBehavior ignoresSigterm() {
        return new SimBehavior(steps, http, tcpPorts, exec, execDefault, cpuMillis, memoryBytes, allocatedBytes,
                startLatency, true, startFailure);
    }

    List<Step> steps() {
        return steps;
    }

    long cpuMillis() {
        return cpuMillis;
    }

    long memoryBytes() {
        return Math.max(memoryBytes, allocatedBytes);
    }

    long allocatedBytes() {
        return allocatedBytes;
    }

    Duration startLatency() {
        return startLatency;
    }

    /** The error {@code startContainer} fails with, or {@code null} when the container starts. */
    String startFailure() {
        return startFailure;
    }

    boolean honoursSigterm() {
        return !ignoresSigterm;
    }

    /** The exec answer for {@code command}; empty when it hangs. */
    Optional<ExecResult> execAnswer(List<String> command) {
        Optional<ExecResult> declared = exec.get(command);
        return declared != null ? declared : Optional.of(execDefault);
    }

    /** The HTTP answer for {@code port} and {@code path} at {@code uptime}; empty when nothing listens. */
    Optional<HttpAnswer> httpAnswer(int port, String path, Duration uptime) {
        HttpAnswer notFound = null;
        for (HttpAnswer answer : http) {
            if (answer.port() != port || !answer.activeAt(uptime)) {
                continue;
            }
            if (answer.path().equals(path)) {
                return Optional.of(answer);
            }
            notFound = new HttpAnswer(Duration.ZERO, null, port, path, 404, "404 Not Found");
        }
        if (notFound == null && tcpPorts.contains(port)) {
            notFound = new HttpAnswer(Duration.ZERO, null, port, path, 404, "404 Not Found");
        }
        return Optional.ofNullable(notFound);
    }

    /** Whether something accepts TCP connections on {@code port} at {@code uptime}. */
    boolean listensAt(int port, Duration uptime) {
        return tcpPorts.contains(port) || http.stream().anyMatch(a -> a.port() == port && a.activeAt(uptime));
    }

    private SimBehavior withStep(Step step) {
        List<Step> all = new ArrayList<>(steps);
        all.add(step);
        all.sort(Comparator.comparing(Step::at));
        return new SimBehavior(List.copyOf(all), http, tcpPorts, exec, execDefault, cpuMillis, memoryBytes,
                allocatedBytes, startLatency, ignoresSigterm, startFailure);
    }

    private SimBehavior withExec(List<String> command, Optional<ExecResult> answer) {
        Map<List<String>, Optional<ExecResult>> all = new HashMap<>(exec);
        all.put(List.copyOf(command), answer);
        return new SimBehavior(steps, http, tcpPorts, Map.copyOf(all), execDefault, cpuMillis, memoryBytes,
                allocatedBytes, startLatency, ignoresSigterm, startFailure);
    }

    @Override
    public String toString() {
        return "SimBehavior[steps=" + steps + ", http=" + http + ", tcp=" + tcpPorts + ", exec=" + exec.keySet()
                + ", cpuMillis=" + cpuMillis + ", memoryBytes=" + memoryBytes()
                + (startFailure != null ? ", failsToStart" : "") + "]";
    }

    /** The kinds of scripted step. */
    enum StepKind { PRINT, PRINT_FILE, PRINT_MODE, FETCH, EXIT, OOM }

    /**
     * One scripted step; {@code text} is the line, file path or fetched path, {@code number} the exit code or port.
     */
    record Step(Duration at, StepKind kind, LogLine.Stream stream, String text, int number) {
        Step {
            Objects.requireNonNull(at, "at");
            if (at.isNegative()) {
                throw new IllegalArgumentException("a step cannot happen before the start: " + at);
            }
        }
    }

    /** One HTTP answer, active from {@code from} until {@code until} ({@code null}: for ever) after the start. */
    record HttpAnswer(Duration from, Duration until, int port, String path, int status, String body) {
        boolean activeAt(Duration uptime) {
            return uptime.compareTo(from) >= 0 && (until == null || uptime.compareTo(until) < 0);
        }
    }
}
