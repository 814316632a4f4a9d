/**
 * The {@code PrioritySort} queue-sort plugin: the scheduling queue pops pods in order of {@code spec.priority}
 * (highest first) and, among pods of equal priority, of the time they entered the queue (oldest first), exactly as
 * Kubernetes' default queue sort does.
 */
package io.flotilla.core.scheduler.plugins.prioritysort;
