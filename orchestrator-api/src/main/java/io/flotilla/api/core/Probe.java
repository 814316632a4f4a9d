package io.flotilla.api.core;

import io.flotilla.api.meta.IntOrString;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A health check the node agent runs on a container: exactly one handler ({@code exec}, {@code httpGet} or
 * {@code tcpSocket}) plus timing. Immutable; unset timings are {@code null} and take Kubernetes' defaults
 * (period 10s, timeout 1s, success threshold 1, failure threshold 3, no initial delay).
 *
 * <pre>{@code
 * Probe.http("/healthz", 8080).periodSeconds(5).failureThreshold(3)
 * }</pre>
 *
 * <p>The {@code xxx(int)} methods are copy-withs: they return a new probe and leave this one unchanged.
 *
 * @param exec                          run a command in the container
 * @param httpGet                       send an HTTP GET
 * @param tcpSocket                     open a TCP connection
 * @param initialDelaySeconds           wait after the container starts before the first probe
 * @param timeoutSeconds                how long one probe may take
 * @param periodSeconds                 how often to probe
 * @param successThreshold              consecutive successes that count as healthy after a failure
 * @param failureThreshold              consecutive failures that count as unhealthy
 * @param terminationGracePeriodSeconds grace period when a failed liveness or startup probe kills the container
 */
public record Probe(ExecAction exec, HttpGetAction httpGet, TcpSocketAction tcpSocket, Integer initialDelaySeconds,
                    Integer timeoutSeconds, Integer periodSeconds, Integer successThreshold, Integer failureThreshold,
                    Long terminationGracePeriodSeconds) {

    /** Kubernetes' default period in seconds. */
    public static final int DEFAULT_PERIOD_SECONDS = 10;
    /** Kubernetes' default timeout in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 1;
    /** Kubernetes' default failure threshold. */
    public static final int DEFAULT_FAILURE_THRESHOLD = 3;

    /** An HTTP GET of {@code path} on port number {@code port}. */
    public static Probe http(String path, int port) {
        return of(null, HttpGetAction.of(path, IntOrString.of(port)), null);
    }

    /** An HTTP GET of {@code path} on the container port named {@code portName}. */
    public static Probe http(String path, String portName) {
        return of(null, HttpGetAction.of(path, IntOrString.of(portName)), null);
    }

    /** An HTTP GET configured in full (scheme, host, headers). */
    public static Probe http(HttpGetAction action) {
        return of(null, action, null);
    }

    /** A TCP connection to port number {@code port}. */
    public static Probe tcp(int port) {
        return of(null, null, new TcpSocketAction(IntOrString.of(port), null));
    }

    /** A TCP connection to the container port named {@code portName}. */
    public static Probe tcp(String portName) {
        return of(null, null, new TcpSocketAction(IntOrString.of(portName), null));
    }

    /** A command run in the container, not in a shell. */
    public static Probe exec(String... command) {
        return of(ExecAction.of(command), null, null);
    }

    private static Probe of(ExecAction exec, HttpGetAction httpGet, TcpSocketAction tcpSocket) {
        return new Probe(exec, httpGet, tcpSocket, null, null, null, null, null, null);
    }

    /** A copy with {@code initialDelaySeconds}. */
    public Probe initialDelaySeconds(int seconds) {
        return new Probe(exec, httpGet, tcpSocket, seconds, timeoutSeconds, periodSeconds, successThreshold,
                failureThreshold, terminationGracePeriodSeconds);
    }

    /** A copy with {@code timeoutSeconds}. */
    public Probe timeoutSeconds(int seconds) {
        return new Probe(exec, httpGet, tcpSocket, initialDelaySeconds, seconds, periodSeconds, successThreshold,
                failureThreshold, terminationGracePeriodSeconds);
    }

    /** A copy with {@code periodSeconds}. */
    public Probe periodSeconds(int seconds) {
        return new Probe(exec, httpGet, tcpSocket, initialDelaySeconds, timeoutSeconds, seconds, successThreshold,
                failureThreshold, terminationGracePeriodSeconds);
    }

    /** A copy with {@code successThreshold} (must stay 1 for liveness and startup probes). */
    public Probe successThreshold(int threshold) {
        return new Probe(exec, httpGet, tcpSocket, initialDelaySeconds, timeoutSeconds, periodSeconds, threshold,
                failureThreshold, terminationGracePeriodSeconds);
    }

    /** A copy with {@code failureThreshold}. */
    public Probe failureThreshold(int threshold) {
        return new Probe(exec, httpGet, tcpSocket, initialDelaySeconds, timeoutSeconds, periodSeconds,
                successThreshold, threshold, terminationGracePeriodSeconds);
    }

    /** A copy with the grace period used when this probe kills the container. */
    public Probe terminationGracePeriodSeconds(long seconds) {
        return new Probe(exec, httpGet, tcpSocket, initialDelaySeconds, timeoutSeconds, periodSeconds,
                successThreshold, failureThreshold, seconds);
    }

    /** How many handlers are set; exactly one is valid. */
    public int handlerCount() {
        return (int) Stream.of(exec, httpGet, tcpSocket).filter(Objects::nonNull).count();
    }

    /** The period in seconds, defaulted. */
    public int effectivePeriodSeconds() {
        return periodSeconds == null ? DEFAULT_PERIOD_SECONDS : periodSeconds;
    }

    /** The timeout in seconds, defaulted. */
    public int effectiveTimeoutSeconds() {
        return timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    }

    /** The failure threshold, defaulted. */
    public int effectiveFailureThreshold() {
        return failureThreshold == null ? DEFAULT_FAILURE_THRESHOLD : failureThreshold;
    }

    /** The success threshold, defaulted to 1. */
    public int effectiveSuccessThreshold() {
        return successThreshold == null ? 1 : successThreshold;
    }

    /** The initial delay in seconds, defaulted to 0. */
    public int effectiveInitialDelaySeconds() {
        return initialDelaySeconds == null ? 0 : initialDelaySeconds;
    }
}
