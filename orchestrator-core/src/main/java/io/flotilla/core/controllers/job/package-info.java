/**
 * The Job controller, after Kubernetes' {@code job_controller}: runs pods until {@code completions} succeed, at most
 * {@code parallelism} at a time, in {@code NonIndexed} or {@code Indexed} completion mode; recreates failed pods
 * after an exponential backoff (10 s doubling, at most 6 minutes) until {@code backoffLimit} is passed
 * ({@code Failed}, reason {@code BackoffLimitExceeded}) or {@code activeDeadlineSeconds} runs out
 * ({@code DeadlineExceeded}); honours {@code suspend}; and deletes finished Jobs after
 * {@code ttlSecondsAfterFinished} (Kubernetes' TTL-after-finished controller, folded in here). Succeeded and failed
 * counts are read from the Job's pods and never go down; Kubernetes' pod-tracking finalizers are not used.
 */
package io.flotilla.core.controllers.job;
