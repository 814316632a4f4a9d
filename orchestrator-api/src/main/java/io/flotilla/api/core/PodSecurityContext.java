package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * Security settings for every container of a pod. Immutable; {@code null} means unset.
 *
 * @param runAsUser          the UID processes run as
 * @param runAsGroup         the GID processes run as
 * @param runAsNonRoot       refuse to start containers whose image would run as UID 0
 * @param supplementalGroups extra GIDs of every process
 * @param fsGroup            the GID that owns volumes and is added to every process
 */
public record PodSecurityContext(Long runAsUser, Long runAsGroup, Boolean runAsNonRoot,
                                 List<Long> supplementalGroups, Long fsGroup) {

    /** Normalises the groups. */
    public PodSecurityContext {
        supplementalGroups = Immutables.list(supplementalGroups);
    }
}
