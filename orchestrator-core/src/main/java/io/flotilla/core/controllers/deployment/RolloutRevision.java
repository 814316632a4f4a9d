package io.flotilla.core.controllers.deployment;

import io.flotilla.api.core.PodTemplateSpec;

/**
 * One revision of a Deployment, as {@code kubectl rollout history} lists it.
 *
 * @param revision    the revision number
 * @param replicaSet  the name of the ReplicaSet holding it
 * @param changeCause the {@code kubernetes.io/change-cause} annotation, or {@code null}
 * @param template    the pod template of the revision (without the {@code pod-template-hash} label)
 */
public record RolloutRevision(long revision, String replicaSet, String changeCause, PodTemplateSpec template) {
}
