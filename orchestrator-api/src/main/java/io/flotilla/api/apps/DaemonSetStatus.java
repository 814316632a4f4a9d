package io.flotilla.api.apps;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * The observed state of a {@link DaemonSet}. Immutable; counts are {@code null} when not yet observed, the
 * conditions list is never {@code null}.
 *
 * @param currentNumberScheduled nodes running at least one daemon pod that should
 * @param numberMisscheduled     nodes running a daemon pod that should not
 * @param desiredNumberScheduled nodes that should run the daemon pod
 * @param numberReady            nodes whose daemon pod is ready
 * @param observedGeneration     the generation last acted on
 * @param updatedNumberScheduled nodes running the current template's pod
 * @param numberAvailable        nodes whose daemon pod has been ready for {@code minReadySeconds}
 * @param numberUnavailable      nodes that should run an available daemon pod but do not
 * @param collisionCount         bumped when a revision hash collides, to make a new name
 * @param conditions             current conditions
 */
public record DaemonSetStatus(Integer currentNumberScheduled, Integer numberMisscheduled,
                              Integer desiredNumberScheduled, Integer numberReady, Long observedGeneration,
                              Integer updatedNumberScheduled, Integer numberAvailable, Integer numberUnavailable,
                              Integer collisionCount, List<WorkloadCondition> conditions) {

    /** Normalises the conditions. */
    public DaemonSetStatus {
        conditions = Immutables.list(conditions);
    }
}
