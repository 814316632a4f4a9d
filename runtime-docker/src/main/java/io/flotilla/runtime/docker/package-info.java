/**
 * The {@link io.flotilla.api.runtime.ContainerRuntime} SPI over the Docker Engine API (docker-java with the
 * httpclient5 transport), as a "dockershim": each pod sandbox is a small pause container on a per-cluster
 * user-defined network whose network and IPC namespaces the pod's containers join. Start with
 * {@link io.flotilla.runtime.docker.DockerRuntime#local()} or
 * {@link io.flotilla.runtime.docker.DockerRuntime#remote(java.net.URI)}.
 */
package io.flotilla.runtime.docker;
