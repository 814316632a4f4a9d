/**
 * The {@link io.flotilla.api.runtime.ContainerRuntime} SPI over containerd's CRI {@code runtime.v1} gRPC API on a
 * unix socket, the API kubelet speaks: pod sandboxes, containers, exec, logs, stats and images map one to one onto
 * CRI calls; volumes, which the CRI does not have, are host directories under the node's state directory. Start with
 * {@link io.flotilla.runtime.containerd.ContainerdRuntime#local()} or
 * {@link io.flotilla.runtime.containerd.ContainerdRuntime#connect(String)}.
 */
package io.flotilla.runtime.containerd;
