/**
 * What a person debugging a test wants to see, as text: {@link io.flotilla.core.diagnostics.ClusterReport} renders
 * pods, workloads and events as {@code kubectl get}-style tables, the last log lines of failing containers, and a
 * full dump of a namespace's objects as YAML (Secret values never included); {@link
 * io.flotilla.core.diagnostics.PodStatuses} computes a pod's STATUS column the way {@code kubectl} does and says why
 * a pod cannot start. Everything here only reads the cluster.
 */
package io.flotilla.core.diagnostics;
