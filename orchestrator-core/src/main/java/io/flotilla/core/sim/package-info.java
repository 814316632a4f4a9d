/**
 * The simulated container runtime: {@link io.flotilla.core.sim.SimulatedRuntime} implements the
 * {@link io.flotilla.api.runtime.ContainerRuntime} SPI in memory on an injected {@link io.flotilla.core.time.Clock},
 * a KWOK-like stand-in for unit tests and for scale runs of thousands of nodes. Containers follow
 * {@link io.flotilla.core.sim.SimBehavior} scripts (exit after N seconds, crash loops, OOM, logs, exec and probe
 * answers, resource usage) that a {@link io.flotilla.core.sim.Scenario} assigns by container name or image, along
 * with image pull latency and failures. Everything is deterministic on a {@link io.flotilla.core.time.VirtualClock}.
 */
package io.flotilla.core.sim;
