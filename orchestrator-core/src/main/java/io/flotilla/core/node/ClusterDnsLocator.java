package io.flotilla.core.node;

import java.util.Optional;

/**
 * Where the pods of a node find the cluster DNS: kubelet's {@code --cluster-domain} and {@code --cluster-dns}, except
 * that the address depends on the node's pod network. A resolver in a container always asks port 53 of an address
 * it can reach, so the cluster DNS listens on each node's pod network gateway (reported by
 * {@link io.flotilla.api.runtime.ContainerRuntime#podNetworkGateway}). Implementations are thread-safe.
 */
public interface ClusterDnsLocator {
    /** No cluster DNS: every pod keeps its runtime's default resolver. */
    ClusterDnsLocator NONE = new ClusterDnsLocator() {
        @Override
        public String clusterDomain() {
            return "cluster.local";
        }

        @Override
        public Optional<String> nameserverOn(String gateway) {
            return Optional.empty();
        }
    };

    /** The cluster domain, such as {@code cluster.local}. */
    String clusterDomain();

    /**
     * The address of the cluster DNS for pods whose network gateway is {@code gateway}, serving port 53 there if it
     * does not yet.
     *
     * @return the name server address, or empty if the cluster DNS cannot serve pods on that network (port 53
     *         cannot be bound there: not root, or the address belongs to another host)
     */
    Optional<String> nameserverOn(String gateway);
}
