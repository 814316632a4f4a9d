package io.flotilla.api.core;

import io.flotilla.api.meta.IntOrString;

/**
 * Opens a TCP connection; connecting is success ({@code TCPSocketAction} in Kubernetes). Immutable.
 *
 * @param port the port number or the name of a container port
 * @param host the host to connect to, the pod IP when {@code null}
 */
public record TcpSocketAction(IntOrString port, String host) {
}
