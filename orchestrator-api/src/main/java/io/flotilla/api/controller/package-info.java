/**
 * The controller SPI users implement, shaped like Kubernetes' controller-runtime: a
 * {@link io.flotilla.api.controller.Reconciler} receives a {@link io.flotilla.api.controller.Request} (just a
 * namespace and name), reads the current state, converges it towards the desired state and answers with a
 * {@link io.flotilla.api.controller.Result}. Reconcilers are level-triggered and idempotent; the controller manager
 * in {@code orchestrator-core} calls them from its work queues. Every type here is immutable and thread-safe.
 */
package io.flotilla.api.controller;
