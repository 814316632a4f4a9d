/**
 * The scheduler, shaped like kube-scheduler: a {@link io.flotilla.core.scheduler.Scheduler} that takes pending pods
 * from a scheduling queue (activeQ ordered by the QueueSort plugin, per-pod backoff, unschedulable pods requeued by
 * relevant cluster events), runs a {@link io.flotilla.core.scheduler.Profile}'s plugins (the SPI in
 * {@code io.flotilla.api.scheduler}) over an incrementally updated snapshot of a cache of nodes and assumed pods,
 * and binds asynchronously through the API server, explaining failures as Kubernetes does. Plugins are found by
 * name in a {@link io.flotilla.core.scheduler.Registry}; {@link io.flotilla.core.scheduler.Scheduling} holds
 * ready-made profiles. The in-tree plugins live in {@code io.flotilla.core.scheduler.plugins.*}.
 */
package io.flotilla.core.scheduler;
