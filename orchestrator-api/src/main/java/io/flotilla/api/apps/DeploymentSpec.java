package io.flotilla.api.apps;

import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.meta.LabelSelector;

/**
 * The desired state of a {@link Deployment}. Immutable; {@code null} components are unset and take Kubernetes'
 * defaults (1 replica, a 25%/25% rolling update, 10 revisions kept, a 600 s progress deadline).
 *
 * @param replicas                desired pods
 * @param selector                which pods belong to the Deployment; must match the template's labels
 * @param template                the pods to run
 * @param strategy                how new pods replace old ones
 * @param minReadySeconds         how long a new pod must be ready before it counts as available
 * @param revisionHistoryLimit    old ReplicaSets kept for rollback
 * @param paused                  whether rollouts are paused
 * @param progressDeadlineSeconds how long a rollout may make no progress before it is reported as failed
 */
public record DeploymentSpec(Integer replicas, LabelSelector selector, PodTemplateSpec template,
                             DeploymentStrategy strategy, Integer minReadySeconds, Integer revisionHistoryLimit,
                             Boolean paused, Integer progressDeadlineSeconds) {

    /** Kubernetes' default number of replicas. */
    public static final int DEFAULT_REPLICAS = 1;
    /** Kubernetes' default {@code revisionHistoryLimit}. */
    public static final int DEFAULT_REVISION_HISTORY_LIMIT = 10;
    /** Kubernetes' default {@code progressDeadlineSeconds}. */
    public static final int DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

    /** The desired pods, 1 if unset. */
    public int effectiveReplicas() {
        return replicas == null ? DEFAULT_REPLICAS : replicas;
    }

    /** A copy with another replica count. */
    public DeploymentSpec withReplicas(Integer replicas) {
        return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit,
                paused, progressDeadlineSeconds);
    }
}
