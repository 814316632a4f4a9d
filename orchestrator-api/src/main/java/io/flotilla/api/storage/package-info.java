/**
 * The {@code storage.k8s.io/v1} kinds: {@link io.flotilla.api.storage.StorageClass}, which names a kind of storage
 * and the provisioner that creates PersistentVolumes of it on demand. Records are immutable and thread-safe; their
 * builders are mutable and confined to one thread.
 */
package io.flotilla.api.storage;
