/**
 * The {@code autoscaling/v2} kind {@link io.flotilla.api.autoscaling.HorizontalPodAutoscaler}: scales a workload's
 * replicas between bounds to keep resource metrics near a target, with optional scaling behavior. Records are
 * immutable and thread-safe; builders are mutable and confined to one thread.
 */
package io.flotilla.api.autoscaling;
