/**
 * The container runtime SPI: {@link io.flotilla.api.runtime.ContainerRuntime}, shaped like the Kubernetes CRI
 * ({@code runtime.v1}) in Java terms. A node agent drives one runtime per node through pod sandboxes (which own a
 * pod's network), containers inside them, images, named volumes, exec, logs, stats and an event stream. Docker
 * implements it as a "dockershim" (a sandbox container whose network namespace the app containers join), containerd
 * as a thin mapping onto CRI, and the simulated runtime in memory on injected time. Configuration and status types
 * are immutable records; every failure is a {@link io.flotilla.api.runtime.ContainerRuntimeException}; everything a
 * runtime creates carries the caller's labels ({@link io.flotilla.api.runtime.RuntimeLabels}) so a restarted cluster
 * can find what it left behind.
 */
package io.flotilla.api.runtime;
