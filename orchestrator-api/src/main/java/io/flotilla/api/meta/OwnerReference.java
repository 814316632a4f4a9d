package io.flotilla.api.meta;

import java.util.Objects;

/**
 * Names the object that owns another; the garbage collector deletes dependents whose owners are gone.
 *
 * @param apiVersion         the owner's apiVersion
 * @param kind               the owner's kind
 * @param name               the owner's name
 * @param uid                the owner's uid
 * @param controller         whether the owner is the managing controller (at most one owner may be)
 * @param blockOwnerDeletion whether foreground deletion of the owner waits for this dependent
 */
public record OwnerReference(String apiVersion, String kind, String name, String uid, Boolean controller,
                             Boolean blockOwnerDeletion) {

    /**
     * A controller reference to {@code owner} that blocks the owner's foreground deletion, as controllers set it.
     *
     * @throws NullPointerException if {@code owner} is {@code null}
     */
    public static OwnerReference controlledBy(Resource owner) {
        Objects.requireNonNull(owner, "owner");
        ObjectMeta meta = owner.metadata();
        return new OwnerReference(owner.apiVersion(), owner.kind(), meta.name(), meta.uid(), true, true);
    }

    /** Whether this reference marks the managing controller. */
    public boolean isController() {
        return Boolean.TRUE.equals(controller);
    }
}
