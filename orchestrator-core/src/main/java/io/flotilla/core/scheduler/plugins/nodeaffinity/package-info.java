/**
 * The {@code NodeAffinity} plugin: Filter applies a pod's {@code nodeSelector} and required node affinity, Score
 * adds up the weights of the preferred node-affinity terms a node matches, as in Kubernetes. Its
 * {@link io.flotilla.core.scheduler.plugins.nodeaffinity.RequiredNodeAffinity} is reused by plugins that honour a
 * pod's node affinity while counting (PodTopologySpread) and by volume node affinity checks.
 */
package io.flotilla.core.scheduler.plugins.nodeaffinity;
