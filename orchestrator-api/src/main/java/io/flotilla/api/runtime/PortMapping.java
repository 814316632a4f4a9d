package io.flotilla.api.runtime;

import java.util.Objects;

/**
 * A host port published to a pod sandbox port (CRI {@code PortMapping}), from a container's {@code hostPort}.
 * Immutable.
 *
 * @param protocol      the protocol; not {@code null}
 * @param containerPort the port inside the pod, 1..65535
 * @param hostPort      the port on the host, 1..65535
 * @param hostIp        the host address to bind, or {@code null} for all addresses
 */
public record PortMapping(Protocol protocol, int containerPort, int hostPort, String hostIp) {

    /** Checks the components. */
    public PortMapping {
        Objects.requireNonNull(protocol, "protocol");
        checkPort(containerPort, "containerPort");
        checkPort(hostPort, "hostPort");
    }

    /** A TCP mapping of {@code hostPort} on all host addresses to {@code containerPort}. */
    public static PortMapping tcp(int containerPort, int hostPort) {
        return new PortMapping(Protocol.TCP, containerPort, hostPort, null);
    }

    private static void checkPort(int port, String field) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(field + " must be between 1 and 65535: " + port);
        }
    }

    /** Transport protocols of a port mapping. */
    public enum Protocol {
        /** TCP. */
        TCP,
        /** UDP. */
        UDP,
        /** SCTP. */
        SCTP
    }
}
