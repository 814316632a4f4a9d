package io.flotilla.core.controllers.deployment;

/**
 * Where a Deployment's rollout stands, as {@code kubectl rollout status} says it.
 *
 * @param complete whether the rollout has finished (every replica updated and available, none old)
 * @param failed   whether the rollout exceeded its progress deadline
 * @param message  kubectl's message, such as {@code Waiting for deployment "web" rollout to finish: 2 out of 3 new
 *                 replicas have been updated...}
 */
public record RolloutStatus(boolean complete, boolean failed, String message) {
}
