package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * Pods this pod must, or would rather, share a topology domain with. Immutable.
 *
 * @param requiredDuringSchedulingIgnoredDuringExecution  every term must be satisfied
 * @param preferredDuringSchedulingIgnoredDuringExecution satisfied terms add their weight
 */
public record PodAffinity(List<PodAffinityTerm> requiredDuringSchedulingIgnoredDuringExecution,
                          List<WeightedPodAffinityTerm> preferredDuringSchedulingIgnoredDuringExecution) {

    /** Normalises the lists. */
    public PodAffinity {
        requiredDuringSchedulingIgnoredDuringExecution = Immutables.list(requiredDuringSchedulingIgnoredDuringExecution);
        preferredDuringSchedulingIgnoredDuringExecution =
                Immutables.list(preferredDuringSchedulingIgnoredDuringExecution);
    }
}
