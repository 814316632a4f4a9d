/**
 * Injected time: the {@link io.flotilla.core.time.Clock} every time-based part of Flotilla (rollouts, backoff,
 * probes, CronJobs, heartbeats, work-queue delays) reads and schedules on. Production code runs on
 * {@link io.flotilla.core.time.SystemClock}; unit tests run on {@link io.flotilla.core.time.VirtualClock}, where time
 * moves only when the test says so and due tasks run deterministically on the test's thread, so no test sleeps.
 */
package io.flotilla.core.time;
