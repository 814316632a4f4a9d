package io.flotilla.api.scheduler;

/**
 * The kinds of object whose changes can make an unschedulable pod schedulable, like Kubernetes'
 * {@code framework.EventResource}. {@link #POD} means pods already assigned to a node (or assumed).
 */
public enum EventResource {
    /** Assigned pods. */
    POD,
    /** Nodes. */
    NODE,
    /** PersistentVolumeClaims. */
    PERSISTENT_VOLUME_CLAIM,
    /** PersistentVolumes. */
    PERSISTENT_VOLUME,
    /** StorageClasses. */
    STORAGE_CLASS,
    /** Any kind (matches every event). */
    WILDCARD
}
