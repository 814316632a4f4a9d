package io.flotilla.core.controllers.deployment;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.DeploymentSpec;
import io.flotilla.api.apps.DeploymentStrategy;
import io.flotilla.api.apps.RollingUpdateDeployment;
import io.flotilla.api.apps.Rollout;

/**
 * A Deployment's spec as the controller reads it, with Kubernetes' defaults for unset fields (the API layer
 * defaults them on write; these guard objects built without it). Stateless.
 */
final class Deployments {
    private Deployments() {
    }

    static int replicas(Deployment d) {
        return d.spec().effectiveReplicas();
    }

    static boolean isRollingUpdate(Deployment d) {
        DeploymentStrategy strategy = d.spec().strategy();
        return strategy == null || strategy.type() == null
                || DeploymentStrategy.ROLLING_UPDATE.equals(strategy.type());
    }

    static boolean isRecreate(Deployment d) {
        DeploymentStrategy strategy = d.spec().strategy();
        return strategy != null && DeploymentStrategy.RECREATE.equals(strategy.type());
    }

    /** Surge and unavailability resolved against {@code spec.replicas}, as Kubernetes' {@code ResolveFenceposts}. */
    private static Rollout.Bounds bounds(Deployment d) {
        DeploymentStrategy strategy = d.spec().strategy();
        RollingUpdateDeployment rolling = strategy == null || strategy.rollingUpdate() == null
                ? new RollingUpdateDeployment(null, null) : strategy.rollingUpdate();
        return rolling.resolve(replicas(d));
    }

    /** {@code maxSurge} in pods; 0 for {@code Recreate}. */
    static int maxSurge(Deployment d) {
        return isRollingUpdate(d) ? bounds(d).maxSurge() : 0;
    }

    /** {@code maxUnavailable} in pods, at most {@code spec.replicas}; 0 for {@code Recreate}. */
    static int maxUnavailable(Deployment d) {
        int replicas = replicas(d);
        if (!isRollingUpdate(d) || replicas == 0) {
            return 0;
        }
        return Math.min(bounds(d).maxUnavailable(), replicas);
    }

    static int minReadySeconds(Deployment d) {
        Integer seconds = d.spec().minReadySeconds();
        return seconds == null ? 0 : seconds;
    }

    static boolean isPaused(Deployment d) {
        return Boolean.TRUE.equals(d.spec().paused());
    }

    /** Whether progress is tracked: a deadline is set and is not "forever" ({@link Integer#MAX_VALUE}). */
    static boolean hasProgressDeadline(Deployment d) {
        Integer seconds = d.spec().progressDeadlineSeconds();
        return seconds != null && seconds != Integer.MAX_VALUE;
    }

    static int progressDeadlineSeconds(Deployment d) {
        Integer seconds = d.spec().progressDeadlineSeconds();
        return seconds == null ? DeploymentSpec.DEFAULT_PROGRESS_DEADLINE_SECONDS : seconds;
    }

    /** Whether {@code revisionHistoryLimit} is set (Kubernetes cleans up only then; the API defaults it to 10). */
    static boolean hasRevisionHistoryLimit(Deployment d) {
        return d.spec().revisionHistoryLimit() != null;
    }
}
