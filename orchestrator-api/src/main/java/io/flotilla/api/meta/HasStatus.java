package io.flotilla.api.meta;

/**
 * A resource with a {@code status} that the control plane writes through the status subresource: a status write
 * never changes the rest of the object, and a write of the rest never changes the status.
 *
 * @param <S> the status record type
 */
public interface HasStatus<S> extends Resource {

    /** The observed state, or {@code null} if nothing has been observed yet. */
    S status();

    /**
     * A copy of this object with another status. Implementations narrow the return type to their own class.
     *
     * @param status the new status, {@code null} to clear it
     */
    HasStatus<S> withStatus(S status);
}
