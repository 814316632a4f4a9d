/**
 * The controller runtime, shaped like client-go and controller-runtime: a {@link io.flotilla.core.controller.WorkQueue}
 * (dirty and processing sets so no key is handled twice at once, delayed adds on the injected clock, per-key
 * exponential backoff and an overall token bucket via {@link io.flotilla.core.controller.RateLimiter}), and a
 * {@link io.flotilla.core.controller.ControllerManager} that turns resource events from an
 * {@link io.flotilla.core.controller.EventSource} into reconcile requests, runs each controller's
 * {@link io.flotilla.api.controller.Reconciler} on virtual-thread workers, and retries or requeues by the result.
 */
package io.flotilla.core.controller;
