/**
 * The end-to-end scheduler benchmark, shaped like Kubernetes' scheduler_perf {@code SchedulingBasic}: thousands of
 * simulated nodes in the in-memory store, pods created through the API server and scheduled and bound by the real
 * {@link io.flotilla.core.scheduler.Scheduler}, with throughput and per-pod latency reported.
 */
package io.flotilla.benchmarks.scheduler;
