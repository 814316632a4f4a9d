package io.flotilla.core.network;

import io.flotilla.api.runtime.DnsConfig;
import io.flotilla.core.node.ClusterDnsLocator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The cluster DNS as node agents and users see it: where the server listens and the resolver configuration to give
 * pod sandboxes. Thread-safe.
 *
 * <p><b>Two kinds of listener.</b> The host listener ({@link #address()}:{@link #port()}, from
 * {@link NetworkConfig#dnsAddress()} and {@link NetworkConfig#dnsPort()}, 127.0.0.1 and a free port by default) is
 * for the host and starts on first use. Pods cannot be told a port, so for them the DNS also listens on port 53 of
 * each node's pod network gateway ({@link #nameserverOn}), which node agents ask for before creating a sandbox:
 * the Docker cluster network's gateway, the containerd CNI bridge's address. Each sandbox gets its own node's
 * address with the search path {@code <ns>.svc.<domain> svc.<domain> <domain>} and {@code options ndots:5}, as
 * kubelet writes it (unless the pod uses the host network or another {@code dnsPolicy}).
 *
 * <p><b>When port 53 cannot be bound</b> (the JVM is not root and lacks {@code CAP_NET_BIND_SERVICE}, or the
 * gateway is another host's address, as with a Docker engine on a remote machine) one warning is logged per address
 * and pods on that network keep their runtime's default resolver: Service names do not resolve there (kubelet's
 * {@code MissingClusterDNS} event says so on each pod), while the host proxy still reaches Services from the host.
 * Pods on a remote host need a DNS server on that host (or a forwarder there to this one); that is not built in.
 */
public final class ClusterDns implements ClusterDnsLocator {
    private final Supplier<String> hostAddress;
    private final Supplier<Integer> hostPort;
    private final Function<String, Optional<String>> podListener;
    private final String domain;

    ClusterDns(Supplier<String> hostAddress, Supplier<Integer> hostPort,
               Function<String, Optional<String>> podListener, String domain) {
        this.hostAddress = hostAddress;
        this.hostPort = hostPort;
        this.podListener = podListener;
        this.domain = domain;
    }

    /**
     * The host listener's address (starting it if needed).
     *
     * @throws IllegalStateException if the server cannot be started
     */
    public String address() {
        return hostAddress.get();
    }

    /**
     * The host listener's port, UDP and TCP (starting it if needed).
     *
     * @throws IllegalStateException if the server cannot be started
     */
    public int port() {
        return hostPort.get();
    }

    /** The cluster domain, such as {@code cluster.local}. */
    @Override
    public String clusterDomain() {
        return domain;
    }

    /**
     * Serves DNS on port 53 of {@code gateway} (once; later calls answer from memory) and returns that address, or
     * empty, after one logged warning, if it cannot be bound there.
     *
     * @throws NullPointerException if {@code gateway} is {@code null}
     */
    @Override
    public Optional<String> nameserverOn(String gateway) {
        return podListener.apply(Objects.requireNonNull(gateway, "gateway"));
    }

    /**
     * The resolver configuration for a pod in {@code namespace} whose name server is the host listener (starting it
     * if needed): useful for a runtime whose pods share the host's network. Node agents use {@link #nameserverOn}.
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
