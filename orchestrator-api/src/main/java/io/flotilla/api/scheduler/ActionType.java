package io.flotilla.api.scheduler;

/**
 * What happened to an object in a {@link ClusterEvent}, like Kubernetes' {@code framework.ActionType}. Node and
 * pod updates are reported by what changed, so a plugin can subscribe to, say, only taint changes; {@link #UPDATE}
 * in a subscription matches every kind of update and {@link #ALL} matches everything.
 */
public enum ActionType {
    /** The object was created. */
    ADD,
    /** The object was deleted. */
    DELETE,
    /** A node's allocatable resources changed. */
    UPDATE_NODE_ALLOCATABLE,
    /** A node's labels changed. */
    UPDATE_NODE_LABEL,
    /** A node's taints changed (or it became schedulable or unschedulable). */
    UPDATE_NODE_TAINT,
    /** A node's conditions changed. */
    UPDATE_NODE_CONDITION,
    /** A node's images changed. */
    UPDATE_NODE_IMAGES,
    /** A pod's labels changed. */
    UPDATE_POD_LABEL,
    /** A pod's resource requests went down. */
    UPDATE_POD_SCALE_DOWN,
    /** Any other update (for kinds without finer actions). */
    UPDATE,
    /** Anything. */
    ALL;

    /** Whether this action is one of the update kinds. */
    public boolean isUpdate() {
        return this != ADD && this != DELETE && this != ALL;
    }
}
