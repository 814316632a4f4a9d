package io.flotilla.core.node;

/**
 * An expected failure to prepare a container or volume, caused by the user's objects (a missing ConfigMap, a bad
 * key), carried as a Kubernetes waiting reason and message. The message names objects and keys, never values.
 */
final class ConfigError extends Exception {
    private static final long serialVersionUID = 1L;
    private final String reason;

    ConfigError(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** The Kubernetes reason, such as {@code CreateContainerConfigError}. */
    String reason() {
        return reason;
    }
}
