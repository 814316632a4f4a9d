/**
 * The runtime contract suite: {@link io.flotilla.testkit.contract.ContainerRuntimeContract}, one abstract JUnit 5
 * class that every {@link io.flotilla.api.runtime.ContainerRuntime} (simulated, Docker, containerd) extends to prove
 * it behaves the same. The test bodies are runtime-neutral: workloads are described once
 * ({@link io.flotilla.testkit.contract.ContractWorkload}: a busybox command for real runtimes, a documented behaviour
 * the simulated runtime scripts), and time passes through {@link io.flotilla.testkit.contract.TestTime}, which real
 * runtimes implement by polling with bounded timeouts and the simulated one by advancing its virtual clock.
 */
package io.flotilla.testkit.contract;
