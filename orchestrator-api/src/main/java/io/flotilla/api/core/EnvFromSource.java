package io.flotilla.api.core;

/**
 * A set of environment variables imported from every key of a ConfigMap or a Secret: exactly one of
 * {@code configMapRef} and {@code secretRef} is set. Immutable.
 *
 * @param prefix       prepended to every key to make the variable name, or {@code null}
 * @param configMapRef the ConfigMap to import
 * @param secretRef    the Secret to import
 */
public record EnvFromSource(String prefix, ConfigMapEnvSource configMapRef, SecretEnvSource secretRef) {

    /** Every key of ConfigMap {@code name}. */
    public static EnvFromSource configMap(String name) {
        return new EnvFromSource(null, new ConfigMapEnvSource(name, null), null);
    }

    /** Every key of Secret {@code name}. */
    public static EnvFromSource secret(String name) {
        return new EnvFromSource(null, null, new SecretEnvSource(name, null));
    }

    /** A copy whose variable names start with {@code prefix}. */
    public EnvFromSource withPrefix(String prefix) {
        return new EnvFromSource(prefix, configMapRef, secretRef);
    }
}
