package io.flotilla.core.network;

import java.util.List;
import java.util.Objects;

/**
 * How a cluster's network services are served: the host address of the host proxy and ingress, the DNS server's
 * address and port, the cluster domain, the DNS TTL and the node port range. Immutable; {@code with*} returns a
 * copy.
 *
 * <pre>{@code
 * Cluster.builder().network(NetworkConfig.defaults()
 *         .withDns("127.0.0.1", 5353)           // the host listener (pods use their node's gateway, port 53)
 *         .withNodePortRange(31000, 31999));
 * }</pre>
 *
 * @param bindAddress   where node ports, {@code hostUrl()} listeners and the ingress listen; default
 *                      {@code 127.0.0.1} (never all interfaces unless asked with {@code 0.0.0.0})
 * @param dnsAddress    where the DNS server's host listener listens; default {@code 127.0.0.1}. Pods do not use it:
 *                      the server also listens on port 53 of each node's pod network gateway (see
 *                      {@link ClusterDns})
 * @param dnsPort       the host listener's port (UDP and TCP); 0 (default) picks a free one
 * @param clusterDomain the cluster domain; default {@code cluster.local}
 * @param dnsTtlSeconds the TTL of DNS answers; default 5
 * @param nodePortMin   the lowest node port; default 30000
 * @param nodePortMax   the highest node port; default 32767
 * @param ingressPort   the ingress listener's port; 0 (default) picks a free one
 * @param upstreamDns   where the DNS server forwards names outside the cluster domain ({@code host} or
 *                      {@code host:port}); default none: the host listener REFUSES such names and the pod
 *                      listeners forward them to the host's own resolvers ({@code /etc/resolv.conf})
 */
public record NetworkConfig(String bindAddress, String dnsAddress, int dnsPort, String clusterDomain,
                            int dnsTtlSeconds, int nodePortMin, int nodePortMax, int ingressPort,
                            List<String> upstreamDns) {
    private static final NetworkConfig DEFAULTS =
            new NetworkConfig("127.0.0.1", "127.0.0.1", 0, "cluster.local", 5, 30000, 32767, 0, List.of());

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a port or the node port range is out of bounds
     * @throws NullPointerException     if an address or the domain is {@code null}
     */
    public NetworkConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(dnsAddress, "dnsAddress");
        Objects.requireNonNull(clusterDomain, "clusterDomain");
        upstreamDns = upstreamDns == null ? List.of() : List.copyOf(upstreamDns);
        if (dnsPort < 0 || dnsPort > 65535 || ingressPort < 0 || ingressPort > 65535) {
            throw new IllegalArgumentException("ports must be between 0 and 65535");
        }
        if (nodePortMin < 1 || nodePortMax > 65535 || nodePortMin > nodePortMax) {
            throw new IllegalArgumentException("invalid node port range " + nodePortMin + "-" + nodePortMax);
        }
        if (dnsTtlSeconds < 0) {
            throw new IllegalArgumentException("dnsTtlSeconds must not be negative: " + dnsTtlSeconds);
        }
    }

    /** The defaults: everything on 127.0.0.1, DNS on a free port, {@code cluster.local}, node ports 30000-32767. */
    public static NetworkConfig defaults() {
        return DEFAULTS;
    }

    /** A copy whose host proxy and ingress listen on {@code address}. */
    public NetworkConfig withBindAddress(String address) {
        return new NetworkConfig(address, dnsAddress, dnsPort, clusterDomain, dnsTtlSeconds, nodePortMin,
                nodePortMax, ingressPort, upstreamDns);
    }

    /** A copy whose DNS server listens on {@code address}:{@code port}. */
    public NetworkConfig withDns(String address, int port) {
        return new NetworkConfig(bindAddress, address, port, clusterDomain, dnsTtlSeconds, nodePortMin, nodePortMax,
                ingressPort, upstreamDns);
    }

    /** A copy with another cluster domain. */
    public NetworkConfig withClusterDomain(String domain) {
        return new NetworkConfig(bindAddress, dnsAddress, dnsPort, domain, dnsTtlSeconds, nodePortMin, nodePortMax,
                ingressPort, upstreamDns);
    }

    /** A copy with another node port range (inclusive). */
    public NetworkConfig withNodePortRange(int min, int max) {
        return new NetworkConfig(bindAddress, dnsAddress, dnsPort, clusterDomain, dnsTtlSeconds, min, max,
                ingressPort, upstreamDns);
    }

    /** A copy whose DNS server forwards names outside the cluster domain to {@code servers}. */
    public NetworkConfig withUpstreamDns(String... servers) {
        return new NetworkConfig(bindAddress, dnsAddress, dnsPort, clusterDomain, dnsTtlSeconds, nodePortMin,
                nodePortMax, ingressPort, List.of(servers));
    }

    /** A copy whose ingress listens on {@code port}. */
    public NetworkConfig withIngressPort(int port) {
        return new NetworkConfig(bindAddress, dnsAddress, dnsPort, clusterDomain, dnsTtlSeconds, nodePortMin,
                nodePortMax, port, upstreamDns);
    }
}
