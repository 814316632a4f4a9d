package io.flotilla.core.apiserver;

/**
 * What happens to an object's dependents (objects whose {@code ownerReferences} name it) when it is deleted, as
 * Kubernetes' {@code DeleteOptions.propagationPolicy}.
 */
public enum PropagationPolicy {
    /** The owner goes at once; the garbage collector then deletes dependents that have no other owner left. */
    BACKGROUND("Background"),
    /**
     * The owner gets a {@code deletionTimestamp} and the {@code foregroundDeletion} finalizer; the garbage
     * collector deletes its dependents first (those with {@code blockOwnerDeletion} hold the owner back), then the
     * owner goes.
     */
    FOREGROUND("Foreground"),
    /**
     * The owner gets the {@code orphan} finalizer; the garbage collector removes the owner's reference from every
     * dependent, which stays, then the owner goes.
     */
    ORPHAN("Orphan");

    private final String kubernetesName;

    PropagationPolicy(String kubernetesName) {
        this.kubernetesName = kubernetesName;
    }

    /** The value as Kubernetes spells it, such as {@code Foreground}. */
    public String kubernetesName() {
        return kubernetesName;
    }
}
