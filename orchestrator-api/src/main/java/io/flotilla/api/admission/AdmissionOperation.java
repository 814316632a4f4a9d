package io.flotilla.api.admission;

/** The kind of write an {@link AdmissionRequest} is about, with Kubernetes' names. */
public enum AdmissionOperation {
    /** A new object is being stored (also the create half of {@code apply}). */
    CREATE,
    /** A stored object is being replaced, or its status written. */
    UPDATE,
    /** An object is being deleted (or marked for deletion); only validating plugins see it. */
    DELETE
}
