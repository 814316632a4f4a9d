package io.flotilla.api.core;

/**
 * A Secret whose every key becomes an environment variable. Immutable.
 *
 * @param name     the Secret's name
 * @param optional whether the pod may start when the Secret is missing ({@code null} means false)
 */
public record SecretEnvSource(String name, Boolean optional) {
}
