package io.flotilla.api.runtime;

import io.flotilla.api.internal.Immutables;
import java.util.Map;
import java.util.Objects;

/**
 * Which sandboxes {@link ContainerRuntime#listPodSandboxes} returns (CRI {@code PodSandboxFilter}): all conditions
 * that are set must hold. Immutable.
 *
 * @param id     only this sandbox, or {@code null} for any
 * @param state  only sandboxes in this state, or {@code null} for any
 * @param labels only sandboxes carrying every one of these labels (empty for any)
 */
public record PodSandboxFilter(String id, SandboxState state, Map<String, String> labels) {

    /** Normalises the labels. */
    public PodSandboxFilter {
        labels = Immutables.map(labels);
    }

    /** Every sandbox. */
    public static PodSandboxFilter all() {
        return new PodSandboxFilter(null, null, Map.of());
    }

    /** Sandboxes carrying every one of {@code labels}. */
    public static PodSandboxFilter labels(Map<String, String> labels) {
        return new PodSandboxFilter(null, null, Objects.requireNonNull(labels, "labels"));
    }

    /** This filter, restricted to {@code value}. */
    public PodSandboxFilter withState(SandboxState value) {
        return new PodSandboxFilter(id, value, labels);
    }

    /** This filter, restricted to the sandbox {@code value}. */
    public PodSandboxFilter withId(String value) {
        return new PodSandboxFilter(value, state, labels);
    }

    /** Whether {@code sandbox} passes this filter. */
    public boolean matches(PodSandbox sandbox) {
        return (id == null || id.equals(sandbox.id()))
                && (state == null || state == sandbox.state())
                && RuntimeLabels.matches(labels, sandbox.labels());
    }
}
