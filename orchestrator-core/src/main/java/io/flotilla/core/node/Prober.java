package io.flotilla.core.node;

import io.flotilla.api.core.Container;
import io.flotilla.api.core.HttpGetAction;
import io.flotilla.api.core.HttpHeader;
import io.flotilla.api.core.Probe;
import io.flotilla.api.meta.IntOrString;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.ExecResult;
import io.flotilla.api.runtime.NetworkProbeResult;
import io.flotilla.api.runtime.PodNetworkProber;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one probe action once: exec through the runtime's {@code execSync}; HTTP GET and TCP through the runtime's
 * {@link PodNetworkProber} when it has one (the simulated runtime), else against the pod IP (Vert.x HTTP client, a
 * plain socket). Never throws: every failure is an {@link Outcome} with a kubelet-like message that names no
 * output (probe output may hold secrets). Thread-safe.
 */
final class Prober {
    /** A probe's result. */
    record Outcome(boolean success, String message) {
    }

    private final ContainerRuntime runtime;
    private final Optional<PodNetworkProber> network;
    private final HttpGetter http;

    Prober(ContainerRuntime runtime, HttpGetter http) {
        this.runtime = runtime;
        this.network = runtime.podNetworkProber();
        this.http = http;
    }

    /** Probes {@code container} (running as {@code containerId} in {@code sandboxId} at {@code podIP}). */
    Outcome probe(Probe probe, Container container, String containerId, String sandboxId, String podIP) {
        Duration timeout = Duration.ofSeconds(probe.timeoutSeconds() == null ? Probe.DEFAULT_TIMEOUT_SECONDS
                : probe.timeoutSeconds());
        try {
            if (probe.exec() != null) {
                ExecResult r = runtime.execSync(containerId, probe.exec().command(), timeout);
                if (r.timedOut()) {
                    return new Outcome(false, "command timed out after " + timeout.toSeconds() + "s");
                }
                return new Outcome(r.exitCode() == 0, "command exited with code " + r.exitCode());
            }
            if (probe.httpGet() != null) {
                return httpGet(probe.httpGet(), container, sandboxId, podIP, timeout);
            }
            if (probe.tcpSocket() != null) {
                int port = port(probe.tcpSocket().port(), container);
                String host = probe.tcpSocket().host() != null ? probe.tcpSocket().host() : podIP;
                return tcp(sandboxId, host, port, timeout);
            }
            return new Outcome(true, "no action");
        } catch (RuntimeException e) {
            return new Outcome(false, "probe error: " + e.getMessage());
        }
    }

    private Outcome httpGet(HttpGetAction action, Container container, String sandboxId, String podIP,
                            Duration timeout) {
        int port = port(action.port(), container);
        String path = action.path() == null ? "/" : action.path();
        String scheme = action.scheme() == null ? HttpGetAction.HTTP : action.scheme();
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpHeader h : action.httpHeaders()) {
            headers.put(h.name(), h.value());
        }
        String host = action.host() != null ? action.host() : podIP;
        String url = scheme.toLowerCase(java.util.Locale.ROOT) + "://" + host + ":" + port + path;
        if (network.isPresent() && action.host() == null) {
            NetworkProbeResult r = network.get().httpGet(sandboxId, scheme, port, path, headers, timeout);
            if (!r.connected()) {
                return new Outcome(false, "Get \"" + url + "\": " + r.message());
            }
            return statusOutcome(r.statusCode());
        }
        try {
            return statusOutcome(http.get(scheme, host, port, path, headers, timeout));
        } catch (Exception e) {
            return new Outcome(false, "Get \"" + url + "\": " + e.getMessage());
        }
    }

    private static Outcome statusOutcome(int status) {
        boolean ok = status >= 200 && status < 400;
        return new Outcome(ok, ok ? "HTTP probe succeeded with statuscode: " + status
                : "HTTP probe failed with statuscode: " + status);
    }

    private Outcome tcp(String sandboxId, String host, int port, Duration timeout) {
        if (network.isPresent()) {
            NetworkProbeResult r = network.get().tcpConnect(sandboxId, port, timeout);
            return new Outcome(r.connected(), r.connected() ? "connected" : "dial tcp " + host + ":" + port + ": "
                    + r.message());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return new Outcome(true, "connected");
        } catch (IOException e) {
            return new Outcome(false, "dial tcp " + host + ":" + port + ": " + e.getMessage());
        }
    }

    /** A probe port: a number, or the name of one of the container's ports. */
    static int port(IntOrString port, Container container) {
        if (port == null) {
            throw new IllegalArgumentException("probe has no port");
        }
        if (port.isInt()) {
            return port.intValue();
        }
        String name = port.stringValue();
        return container.port(name).map(p -> p.containerPort())
                .orElseThrow(() -> new IllegalArgumentException("port \"" + name + "\" not found in container "
                        + container.name()));
    }
}
