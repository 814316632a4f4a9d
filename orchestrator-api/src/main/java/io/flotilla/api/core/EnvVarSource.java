package io.flotilla.api.core;

/**
 * Where an environment variable's value comes from: exactly one of the components is set. Immutable.
 *
 * @param fieldRef         a field of the pod
 * @param resourceFieldRef a resource request or limit of a container
 * @param configMapKeyRef  a key of a ConfigMap
 * @param secretKeyRef     a key of a Secret
 */
public record EnvVarSource(ObjectFieldSelector fieldRef, ResourceFieldSelector resourceFieldRef,
                           ConfigMapKeySelector configMapKeyRef, SecretKeySelector secretKeyRef) {

    /** The value of a pod field such as {@code status.podIP}. */
    public static EnvVarSource field(String fieldPath) {
        return new EnvVarSource(ObjectFieldSelector.of(fieldPath), null, null, null);
    }

    /** The value of a resource such as {@code limits.memory} of this container. */
    public static EnvVarSource resource(String resource) {
        return new EnvVarSource(null, ResourceFieldSelector.of(resource), null, null);
    }

    /** The value of key {@code key} of ConfigMap {@code name}. */
    public static EnvVarSource configMapKey(String name, String key) {
        return new EnvVarSource(null, null, ConfigMapKeySelector.of(name, key), null);
    }

    /** The value of key {@code key} of Secret {@code name}. */
    public static EnvVarSource secretKey(String name, String key) {
        return new EnvVarSource(null, null, null, SecretKeySelector.of(name, key));
    }

    /** How many sources are set; exactly one is valid. */
    public int sourceCount() {
        return (fieldRef != null ? 1 : 0) + (resourceFieldRef != null ? 1 : 0) + (configMapKeyRef != null ? 1 : 0)
                + (secretKeyRef != null ? 1 : 0);
    }
}
