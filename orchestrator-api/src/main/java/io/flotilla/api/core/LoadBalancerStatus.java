package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * Where a load balancer (or Flotilla's host proxy) makes a Service or an Ingress reachable. Immutable; lists are
 * never {@code null}.
 *
 * @param ingress the addresses, one per load balancer front end
 */
public record LoadBalancerStatus(List<Ingress> ingress) {

    /** Normalises an absent list. */
    public LoadBalancerStatus {
        ingress = Immutables.list(ingress);
    }

    /** A status with one IP address. */
    public static LoadBalancerStatus ip(String ip) {
        return new LoadBalancerStatus(List.of(new Ingress(ip, null, null, List.of())));
    }

    /**
     * One front end of a load balancer. Immutable.
     *
     * @param ip       its IP address
     * @param hostname its DNS name, for load balancers known by name
     * @param ipMode   {@code VIP} or {@code Proxy}: how traffic reaches the nodes
     * @param ports    per-port status, when a port failed
     */
    public record Ingress(String ip, String hostname, String ipMode, List<PortStatus> ports) {

        /** Normalises an absent list. */
        public Ingress {
            ports = Immutables.list(ports);
        }
    }

    /**
     * The status of one load balancer port. Immutable.
     *
     * @param port     the port number
     * @param protocol the protocol, such as {@code TCP}
     * @param error    why the port is not served, as a CamelCase reason; {@code null} when it is
     */
    public record PortStatus(Integer port, String protocol, String error) {
    }
}
