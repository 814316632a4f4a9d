package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * Which nodes a pod must, or would rather, run on. Immutable.
 *
 * @param requiredDuringSchedulingIgnoredDuringExecution  nodes must match this selector
 * @param preferredDuringSchedulingIgnoredDuringExecution nodes matching these terms are preferred
 */
public record NodeAffinity(NodeSelector requiredDuringSchedulingIgnoredDuringExecution,
                           List<PreferredSchedulingTerm> preferredDuringSchedulingIgnoredDuringExecution) {

    /** Normalises the preferences. */
    public NodeAffinity {
        preferredDuringSchedulingIgnoredDuringExecution =
                Immutables.list(preferredDuringSchedulingIgnoredDuringExecution);
    }

    /** A hard requirement only. */
    public static NodeAffinity required(NodeSelectorTerm... terms) {
        return new NodeAffinity(NodeSelector.of(terms), List.of());
    }
}
