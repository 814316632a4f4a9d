package io.flotilla.core.network;

import io.flotilla.api.runtime.DnsConfig;
import io.flotilla.core.network.dns.DnsServer;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The cluster DNS as node agents and users see it: where the server listens and the resolver configuration to give
 * pod sandboxes. The server starts on first use. Thread-safe.
 *
 * <p>A node agent puts {@code dnsConfig(pod.namespace)} on every sandbox (unless the pod uses the host network or
 * another {@code dnsPolicy}): {@code nameserver} is the server's address, {@code search} is
 * {@code <ns>.svc.<domain> svc.<domain> <domain>} and {@code options ndots:5}, as kubelet writes it.
 */
public final class ClusterDns {
    private final Supplier<DnsServer> server;
    private final String domain;

    ClusterDns(Supplier<DnsServer> server, String domain) {
        this.server = server;
        this.domain = domain;
    }

    /** The server's address (starting it if needed). */
    public String address() {
        return server.get().host();
    }

    /** The server's port, UDP and TCP (starting it if needed). */
    public int port() {
        return server.get().port();
    }

    /** The cluster domain, such as {@code cluster.local}. */
    public String clusterDomain() {
        return domain;
    }

    /**
     * The resolver configuration for a pod in {@code namespace} (starting the server if needed).
     *
     * @throws NullPointerException  if {@code namespace} is {@code null}
     * @throws IllegalStateException if the server cannot be started
     */
    public DnsConfig dnsConfig(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return new DnsConfig(List.of(address()),
                List.of(namespace + ".svc." + domain, "svc." + domain, domain), List.of("ndots:5"));
    }
}
