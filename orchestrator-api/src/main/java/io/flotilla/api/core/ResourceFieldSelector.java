package io.flotilla.api.core;

import io.flotilla.api.meta.Quantity;
import java.util.List;

/**
 * Selects a container's resource request or limit, such as {@code limits.memory} (the downward API). Immutable.
 *
 * @param containerName the container, required in volumes and optional in env (the container itself)
 * @param resource      {@code requests.cpu}, {@code limits.memory} and so on
 * @param divisor       the unit the value is expressed in, {@code 1} when {@code null}
 */
public record ResourceFieldSelector(String containerName, String resource, Quantity divisor) {

    /** The resources a container may read through {@code resourceFieldRef}. */
    public static final List<String> SUPPORTED_RESOURCES = List.of("limits.cpu",
            "limits.memory", "limits.ephemeral-storage", "requests.cpu", "requests.memory",
            "requests.ephemeral-storage");

    /** A selector of {@code resource} of the container it is used in. */
    public static ResourceFieldSelector of(String resource) {
        return new ResourceFieldSelector(null, resource, null);
    }
}
