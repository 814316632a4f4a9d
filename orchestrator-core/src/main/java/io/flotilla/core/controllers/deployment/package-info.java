/**
 * The Deployment controller, after Kubernetes' {@code deployment} controller: a Deployment owns ReplicaSets named
 * {@code <deployment>-<pod-template-hash>}, rolls from the old ones to the new one by the {@code RollingUpdate}
 * ({@code maxSurge}/{@code maxUnavailable}) or {@code Recreate} strategy, scales proportionally during a rollout,
 * keeps a revision history in annotations (cleaned up by {@code revisionHistoryLimit}), honours pause and
 * {@code progressDeadlineSeconds}, and reports the {@code Progressing} and {@code Available} conditions. The
 * user-facing rollout operations ({@code kubectl rollout undo/history/status/pause/resume/restart}, scale) are
 * {@link io.flotilla.core.controllers.deployment.DeploymentRollout}.
 */
package io.flotilla.core.controllers.deployment;
