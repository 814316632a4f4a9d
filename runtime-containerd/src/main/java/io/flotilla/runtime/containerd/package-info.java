/**
 * The ContainerRuntime implementation over the Kubernetes CRI spoken by containerd.
 */
package io.flotilla.runtime.containerd;
