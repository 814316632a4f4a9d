package io.flotilla.api.core;

/**
 * A port of a Service's endpoints. Immutable; {@code null} components are unset ({@code protocol} then means TCP).
 *
 * @param name        the name, matching the Service port's name; required when a subset has several ports
 * @param port        the port number on the endpoints
 * @param protocol    {@code TCP}, {@code UDP} or {@code SCTP}
 * @param appProtocol the application protocol, as in the Service port
 */
public record EndpointPort(String name, Integer port, String protocol, String appProtocol) {

    /** An unnamed TCP port. */
    public static EndpointPort of(int port) {
        return new EndpointPort(null, port, null, null);
    }

    /** A named port. */
    public static EndpointPort named(String name, int port) {
        return new EndpointPort(name, port, null, null);
    }

    /** A copy with another protocol. */
    public EndpointPort withProtocol(String protocol) {
        return new EndpointPort(name, port, protocol, appProtocol);
    }
}
