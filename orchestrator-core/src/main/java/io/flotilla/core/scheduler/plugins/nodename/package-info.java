/**
 * The {@code NodeName} filter plugin: a pod whose {@code spec.nodeName} is set before scheduling may only land on
 * the node of that name, as in Kubernetes.
 */
package io.flotilla.core.scheduler.plugins.nodename;
