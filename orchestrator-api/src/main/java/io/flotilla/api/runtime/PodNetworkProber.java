package io.flotilla.api.runtime;

import java.time.Duration;
import java.util.Map;

/**
 * HTTP and TCP probes performed from the runtime's side of the pod network, for runtimes whose pod IPs the agent
 * cannot dial itself: the simulated runtime (whose IPs are fictitious) or a remote host. Obtained from
 * {@link ContainerRuntime#podNetworkProber()}; when that is empty, the agent dials the pod IP directly. Implementations
 * are thread-safe and may block up to the timeout.
 */
public interface PodNetworkProber {

    /**
     * An HTTP GET of {@code path} on {@code port} of the sandbox's IP.
     *
     * @param podSandboxId the sandbox whose network to probe
     * @param scheme       {@code HTTP} or {@code HTTPS}
     * @param port         the port
     * @param path         the request path, starting with {@code /}
     * @param headers      extra request headers
     * @param timeout      how long the probe may take
     * @return whether it connected and the status; never {@code null}
     * @throws ContainerRuntimeException.NotFound if the sandbox does not exist
     */
    NetworkProbeResult httpGet(String podSandboxId, String scheme, int port, String path, Map<String, String> headers,
                               Duration timeout);

    /**
     * A TCP connection to {@code port} of the sandbox's IP.
     *
     * @return whether it connected; never {@code null}
     * @throws ContainerRuntimeException.NotFound if the sandbox does not exist
     */
    NetworkProbeResult tcpConnect(String podSandboxId, int port, Duration timeout);
}
