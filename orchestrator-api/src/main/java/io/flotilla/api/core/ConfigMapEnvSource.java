package io.flotilla.api.core;

/**
 * A ConfigMap whose every key becomes an environment variable. Immutable.
 *
 * @param name     the ConfigMap's name
 * @param optional whether the pod may start when the ConfigMap is missing ({@code null} means false)
 */
public record ConfigMapEnvSource(String name, Boolean optional) {
}
