package io.flotilla.api.apps;

import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.meta.LabelSelector;

/**
 * The desired state of a {@link ReplicaSet}. Immutable; {@code null} components are unset (1 replica, 0 seconds).
 *
 * @param replicas        desired pods
 * @param minReadySeconds how long a new pod must be ready before it counts as available
 * @param selector        which pods belong to the set; must match the template's labels
 * @param template        the pods to create when too few exist
 */
public record ReplicaSetSpec(Integer replicas, Integer minReadySeconds, LabelSelector selector,
                             PodTemplateSpec template) {

    /** The desired pods, 1 if unset. */
    public int effectiveReplicas() {
        return replicas == null ? 1 : replicas;
    }

    /** A copy with another replica count. */
    public ReplicaSetSpec withReplicas(Integer replicas) {
        return new ReplicaSetSpec(replicas, minReadySeconds, selector, template);
    }
}
