package io.flotilla.api.runtime;

import java.util.Objects;

/**
 * The outcome of a {@link PodNetworkProber} probe. Immutable.
 *
 * @param connected  whether a connection to the port was made
 * @param statusCode the HTTP status for HTTP probes that connected, otherwise 0
 * @param message    a human-readable detail (the error when not connected); not {@code null}
 */
public record NetworkProbeResult(boolean connected, int statusCode, String message) {

    /** Checks the message. */
    public NetworkProbeResult {
        Objects.requireNonNull(message, "message");
    }

    /** Kubernetes' verdict: connected, and for HTTP a status in {@code 200..399}. */
    public boolean success() {
        return connected && (statusCode == 0 || (statusCode >= 200 && statusCode < 400));
    }
}
