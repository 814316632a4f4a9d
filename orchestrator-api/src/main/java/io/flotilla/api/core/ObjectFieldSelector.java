package io.flotilla.api.core;

import java.util.List;

/**
 * Selects a field of the pod, such as {@code metadata.name} or {@code status.podIP} (the downward API). Immutable.
 *
 * @param apiVersion the version the field path is written in, {@code v1} when {@code null}
 * @param fieldPath  the field, such as {@code metadata.labels['app']}
 */
public record ObjectFieldSelector(String apiVersion, String fieldPath) {

    /** The fields a container may read through {@code fieldRef}. */
    public static final List<String> SUPPORTED_PATHS = List.of("metadata.name",
            "metadata.namespace", "metadata.uid", "metadata.labels", "metadata.annotations", "spec.nodeName",
            "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs");

    /** A selector of {@code fieldPath} in version {@code v1} (left unset, as YAML usually does). */
    public static ObjectFieldSelector of(String fieldPath) {
        return new ObjectFieldSelector(null, fieldPath);
    }
}
