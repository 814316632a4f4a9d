/**
 * Flotilla's node agent, the equivalent of Kubernetes' kubelet: {@link io.flotilla.core.node.NodeAgent} registers a
 * Node, renews its Lease in {@code kube-node-lease}, and drives each pod bound to the node through a
 * {@link io.flotilla.api.runtime.ContainerRuntime} — sandbox, volumes, init containers, app containers, probes,
 * restarts with CrashLoopBackOff, graceful termination — reporting Pod status and Events;
 * {@link io.flotilla.core.node.NodeAgents} holds a cluster's agents and {@link io.flotilla.core.node.PodOperations}
 * gives users logs and exec.
 */
package io.flotilla.core.node;
