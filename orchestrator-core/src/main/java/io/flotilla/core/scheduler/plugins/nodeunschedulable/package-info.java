/**
 * The {@code NodeUnschedulable} filter plugin: cordoned nodes ({@code spec.unschedulable}) take no new pods unless
 * the pod tolerates the {@code node.kubernetes.io/unschedulable:NoSchedule} taint, as in Kubernetes.
 */
package io.flotilla.core.scheduler.plugins.nodeunschedulable;
