/**
 * The {@code networking.k8s.io/v1} kinds: {@link io.flotilla.api.networking.Ingress}, HTTP routing by host and path
 * from outside the cluster to Services. Records are immutable and thread-safe; their builders are mutable and
 * confined to one thread.
 */
package io.flotilla.api.networking;
