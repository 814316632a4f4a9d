/**
 * The {@code apps/v1} workload kinds: {@link io.flotilla.api.apps.Deployment}, {@link io.flotilla.api.apps.ReplicaSet},
 * {@link io.flotilla.api.apps.StatefulSet} and {@link io.flotilla.api.apps.DaemonSet}, with their specs, update
 * strategies and statuses. Records are immutable and thread-safe; their fluent builders, which share one
 * {@link io.flotilla.api.apps.WorkloadBuilder} base for the pod template and selector, are mutable and confined to
 * one thread. Validation follows Kubernetes' rules, field paths and wording.
 */
package io.flotilla.api.apps;
