/**
 * The machinery behind {@link io.flotilla.runtime.containerd.ContainerdRuntime}: the gRPC connection to a CRI
 * {@code runtime.v1} socket (Netty epoll over a unix domain socket), the translation of gRPC failures into
 * {@link io.flotilla.api.runtime.ContainerRuntimeException}s that name the endpoint and the fix, the mapping between
 * the runtime SPI's records and the CRI messages generated from the project's own {@code .proto}, the CRI log file
 * format, host-directory volumes under the node's state directory, and the event tracker fed by
 * {@code GetContainerEvents} or a relist loop. Not an API: classes here may change without notice.
 */
package io.flotilla.runtime.containerd.internal;
