/**
 * The core ({@code v1}) kinds: Pod and its parts, Namespace, Node, Service, Endpoints, ConfigMap, Secret,
 * PersistentVolume, PersistentVolumeClaim and Event. Records are immutable and thread-safe; their builders are
 * mutable and confined to one thread.
 */
package io.flotilla.api.core;
