package io.flotilla.api.core;

/**
 * Settings of a Service's session affinity. Immutable.
 *
 * @param clientIP the settings of {@code ClientIP} affinity
 */
public record SessionAffinityConfig(ClientIPConfig clientIP) {

    /** Affinity kept for {@code timeoutSeconds} after a client's last connection. */
    public static SessionAffinityConfig clientIP(int timeoutSeconds) {
        return new SessionAffinityConfig(new ClientIPConfig(timeoutSeconds));
    }

    /**
     * Settings of {@code ClientIP} affinity. Immutable.
     *
     * @param timeoutSeconds how long a client sticks to its endpoint, 1 to 86400 (default 10800, 3 hours)
     */
    public record ClientIPConfig(Integer timeoutSeconds) {
    }
}
