package io.flotilla.core.network.proxy;

import java.util.Objects;

/**
 * One endpoint a connection may be forwarded to. Immutable.
 *
 * @param host the endpoint's IP (or host name); not {@code null}
 * @param port the endpoint's port
 */
public record Backend(String host, int port) {
    /** Checks the host. */
    public Backend {
        Objects.requireNonNull(host, "host");
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
