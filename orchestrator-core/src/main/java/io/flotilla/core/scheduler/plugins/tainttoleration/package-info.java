/**
 * The {@code TaintToleration} plugin: Filter keeps pods off nodes with {@code NoSchedule} or {@code NoExecute}
 * taints they do not tolerate, and Score prefers nodes with fewer untolerated {@code PreferNoSchedule} taints, as
 * in Kubernetes.
 */
package io.flotilla.core.scheduler.plugins.tainttoleration;
