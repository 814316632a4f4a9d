package io.flotilla.api.core;

import io.flotilla.api.meta.IntOrString;
import java.util.List;

/**
 * One port a Service exposes, and where it forwards to. Immutable; every component is {@code null} when unset
 * ({@code protocol} then means TCP and {@code targetPort} the same number as {@code port}).
 *
 * <pre>{@code
 * ServicePort.of(80)                       // port 80 -> pods' port 80
 * ServicePort.of(80, 8080)                 // port 80 -> pods' port 8080
 * ServicePort.named("http", 80, "http")    // port 80 -> pods' container port named http
 * }</pre>
 *
 * @param name        the port's name, a DNS-1123 label; required when the Service has more than one port
 * @param protocol    {@link #TCP}, {@link #UDP} or {@link #SCTP}
 * @param appProtocol the application protocol, such as {@code http} or {@code kubernetes.io/h2c}
 * @param port        the port on the Service's cluster IP
 * @param targetPort  the pods' port: a number or a container port's name
 * @param nodePort    the port on every node, for NodePort and LoadBalancer Services
 */
public record ServicePort(String name, String protocol, String appProtocol, Integer port, IntOrString targetPort,
                          Integer nodePort) {
    /** The TCP protocol (the default). */
    public static final String TCP = "TCP";
    /** The UDP protocol. */
    public static final String UDP = "UDP";
    /** The SCTP protocol. */
    public static final String SCTP = "SCTP";
    /** Every supported protocol. */
    public static final List<String> PROTOCOLS = List.of(SCTP, TCP, UDP);

    /** An unnamed port forwarding to the same port number on the pods. */
    public static ServicePort of(int port) {
        return new ServicePort(null, null, null, port, null, null);
    }

    /** An unnamed port forwarding to {@code targetPort} on the pods. */
    public static ServicePort of(int port, int targetPort) {
        return new ServicePort(null, null, null, port, IntOrString.of(targetPort), null);
    }

    /** A named port forwarding to {@code targetPort} on the pods. */
    public static ServicePort named(String name, int port, int targetPort) {
        return new ServicePort(name, null, null, port, IntOrString.of(targetPort), null);
    }

    /** A named port forwarding to the pods' container port named {@code targetPortName}. */
    public static ServicePort named(String name, int port, String targetPortName) {
        return new ServicePort(name, null, null, port, IntOrString.of(targetPortName), null);
    }

    /** A copy with another name. */
    public ServicePort withName(String name) {
        return new ServicePort(name, protocol, appProtocol, port, targetPort, nodePort);
    }

    /** A copy with another protocol, such as {@link #UDP}. */
    public ServicePort withProtocol(String protocol) {
        return new ServicePort(name, protocol, appProtocol, port, targetPort, nodePort);
    }

    /** A copy with another application protocol. */
    public ServicePort withAppProtocol(String appProtocol) {
        return new ServicePort(name, protocol, appProtocol, port, targetPort, nodePort);
    }

    /** A copy with another node port. */
    public ServicePort withNodePort(Integer nodePort) {
        return new ServicePort(name, protocol, appProtocol, port, targetPort, nodePort);
    }

    /** The protocol, {@link #TCP} when unset. */
    public String effectiveProtocol() {
        return protocol == null || protocol.isEmpty() ? TCP : protocol;
    }

    /** The target port, the same number as {@link #port()} when unset. */
    public IntOrString effectiveTargetPort() {
        return targetPort != null ? targetPort : port == null ? null : IntOrString.of(port);
    }
}
