package io.flotilla.api.core;

import java.util.List;

/**
 * A network port a container listens on. Immutable; unset fields are {@code null} (the protocol defaults to
 * {@link #TCP} on the server).
 *
 * @param name          an IANA service name that Services and probes can refer to, or {@code null}
 * @param hostPort      the port to expose on the node, or {@code null} for none
 * @param containerPort the port inside the container's network namespace, 1 to 65535
 * @param protocol      {@link #TCP}, {@link #UDP} or {@link #SCTP}
 * @param hostIP        the node address to bind {@code hostPort} to
 */
public record ContainerPort(String name, Integer hostPort, Integer containerPort, String protocol, String hostIP) {

    /** The TCP protocol, the default. */
    public static final String TCP = "TCP";
    /** The UDP protocol. */
    public static final String UDP = "UDP";
    /** The SCTP protocol. */
    public static final String SCTP = "SCTP";
    /** Every supported protocol. */
    public static final List<String> PROTOCOLS = List.of(TCP, UDP, SCTP);

    /** An unnamed port with the default protocol. */
    public static ContainerPort of(int containerPort) {
        return new ContainerPort(null, null, containerPort, null, null);
    }

    /** A named port with the default protocol. */
    public static ContainerPort named(String name, int containerPort) {
        return new ContainerPort(name, null, containerPort, null, null);
    }

    /** A copy with another protocol. */
    public ContainerPort withProtocol(String protocol) {
        return new ContainerPort(name, hostPort, containerPort, protocol, hostIP);
    }

    /** A copy that is also exposed on the node at {@code hostPort}. */
    public ContainerPort withHostPort(Integer hostPort) {
        return new ContainerPort(name, hostPort, containerPort, protocol, hostIP);
    }

    /** The protocol, {@link #TCP} when unset. */
    public String effectiveProtocol() {
        return protocol == null ? TCP : protocol;
    }
}
