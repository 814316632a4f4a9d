/**
 * The {@code NodePorts} filter plugin: a pod asking for host ports only fits on nodes where no other pod holds the
 * same port and protocol on an overlapping host IP, as in Kubernetes.
 */
package io.flotilla.core.scheduler.plugins.nodeports;
