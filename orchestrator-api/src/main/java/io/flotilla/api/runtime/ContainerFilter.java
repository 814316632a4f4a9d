package io.flotilla.api.runtime;

import io.flotilla.api.internal.Immutables;
import java.util.Map;
import java.util.Objects;

/**
 * Which containers {@link ContainerRuntime#listContainers} returns (CRI {@code ContainerFilter}): all conditions
 * that are set must hold. Immutable.
 *
 * @param id           only this container, or {@code null} for any
 * @param podSandboxId only containers of this sandbox, or {@code null} for any
 * @param state        only containers in this state, or {@code null} for any
 * @param labels       only containers carrying every one of these labels (empty for any)
 */
public record ContainerFilter(String id, String podSandboxId, ContainerRunState state, Map<String, String> labels) {

    /** Normalises the labels. */
    public ContainerFilter {
        labels = Immutables.map(labels);
    }

    /** Every container. */
    public static ContainerFilter all() {
        return new ContainerFilter(null, null, null, Map.of());
    }

    /** Containers carrying every one of {@code labels}. */
    public static ContainerFilter labels(Map<String, String> labels) {
        return new ContainerFilter(null, null, null, Objects.requireNonNull(labels, "labels"));
    }

    /** The containers of sandbox {@code podSandboxId}. */
    public static ContainerFilter sandbox(String podSandboxId) {
        return new ContainerFilter(null, Objects.requireNonNull(podSandboxId, "podSandboxId"), null, Map.of());
    }

    /** This filter, restricted to {@code value}. */
    public ContainerFilter withState(ContainerRunState value) {
        return new ContainerFilter(id, podSandboxId, value, labels);
    }

    /** Whether {@code container} passes this filter. */
    public boolean matches(RuntimeContainer container) {
        return (id == null || id.equals(container.id()))
                && (podSandboxId == null || podSandboxId.equals(container.podSandboxId()))
                && (state == null || state == container.state())
                && RuntimeLabels.matches(labels, container.labels());
    }
}
