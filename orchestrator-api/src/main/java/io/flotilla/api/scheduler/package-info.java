/**
 * The scheduler plugin SPI, shaped like Kubernetes' scheduling framework: one small interface per extension point
 * ({@link io.flotilla.api.scheduler.QueueSortPlugin}, {@link io.flotilla.api.scheduler.PreFilterPlugin},
 * {@link io.flotilla.api.scheduler.FilterPlugin}, {@link io.flotilla.api.scheduler.PostFilterPlugin},
 * {@link io.flotilla.api.scheduler.PreScorePlugin}, {@link io.flotilla.api.scheduler.ScorePlugin},
 * {@link io.flotilla.api.scheduler.ReservePlugin}, {@link io.flotilla.api.scheduler.PermitPlugin},
 * {@link io.flotilla.api.scheduler.PreBindPlugin}, {@link io.flotilla.api.scheduler.BindPlugin},
 * {@link io.flotilla.api.scheduler.PostBindPlugin}), plugins that answer with a
 * {@link io.flotilla.api.scheduler.Status} instead of throwing for expected outcomes, a
 * {@link io.flotilla.api.scheduler.PluginFactory} per plugin name, and the read-only views plugins work on
 * ({@link io.flotilla.api.scheduler.NodeInfo}, {@link io.flotilla.api.scheduler.PodInfo},
 * {@link io.flotilla.api.scheduler.CycleState}, {@link io.flotilla.api.scheduler.SchedulerHandle}). Filter and
 * Score run once per pod per node — millions of calls per second on large clusters — so their signatures are
 * allocation-free: a filter returns a shared {@link io.flotilla.api.scheduler.Status#success()} constant, a score
 * returns a plain {@code long}, and per-cycle data is read from array slots of the
 * {@link io.flotilla.api.scheduler.CycleState}. The runtime (framework, queue, cache) lives in
 * {@code io.flotilla.core.scheduler}.
 */
package io.flotilla.api.scheduler;
