/**
 * The {@code coordination.k8s.io/v1} kinds: {@link io.flotilla.api.coordination.Lease}, the lock behind leader
 * election and node heartbeats. Records are immutable and thread-safe; their builders are mutable and confined to
 * one thread.
 */
package io.flotilla.api.coordination;
