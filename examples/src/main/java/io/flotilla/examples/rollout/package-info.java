/**
 * A rolling update with zero downtime: {@link io.flotilla.examples.rollout.ZeroDowntimeRollout} moves a Deployment
 * behind a NodePort Service from one version to the next (maxSurge 1, maxUnavailable 0, readiness probes) while a
 * client keeps requesting it, and reports how many requests failed and how few replicas were ever Ready.
 */
package io.flotilla.examples.rollout;
