package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * Pods this pod must not, or would rather not, share a topology domain with. Immutable.
 *
 * @param requiredDuringSchedulingIgnoredDuringExecution  no term may be violated
 * @param preferredDuringSchedulingIgnoredDuringExecution violated terms subtract their weight
 */
public record PodAntiAffinity(List<PodAffinityTerm> requiredDuringSchedulingIgnoredDuringExecution,
                              List<WeightedPodAffinityTerm> preferredDuringSchedulingIgnoredDuringExecution) {

    /** Normalises the lists. */
    public PodAntiAffinity {
        requiredDuringSchedulingIgnoredDuringExecution = Immutables.list(requiredDuringSchedulingIgnoredDuringExecution);
        preferredDuringSchedulingIgnoredDuringExecution =
                Immutables.list(preferredDuringSchedulingIgnoredDuringExecution);
    }

    /** At most one matching pod per {@code topologyKey} domain, as a hard rule. */
    public static PodAntiAffinity required(PodAffinityTerm... terms) {
        return new PodAntiAffinity(List.of(terms), List.of());
    }
}
