package io.flotilla.core.store;

import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The control plane's source of truth: immutable resources keyed by kind, namespace and name, with one store-wide,
 * monotonically increasing revision. Every successful write takes the next revision and stores the object with
 * {@code metadata.resourceVersion} set to it; a failed write changes nothing.
 *
 * <p>The store does no defaulting or validation beyond keys (that is the API layer's job). Namespaced kinds need a
 * namespace, cluster-scoped kinds must have none; every object needs a name. Implementations are thread-safe and
 * single-object operations are linearizable. Arguments are never {@code null} unless documented.
 */
public interface ObjectStore {

    /**
     * Stores a new object.
     *
     * @return the stored object, with its resourceVersion
     * @throws StoreException.AlreadyExists if an object with this kind, namespace and name exists
     * @throws IllegalArgumentException     if the name is missing or the namespace does not fit the kind's scope
     */
    <T extends Resource> T create(T object);

    /** The object, if present. */
    <T extends Resource> Optional<T> get(ResourceType<T> type, String namespace, String name);

    /**
     * Lists objects of one kind.
     *
     * @throws StoreException.Gone                    if an {@code Exact} revision is older than the history
     * @throws StoreException.TooLargeResourceVersion if the revision asked for is newer than the store's
     * @throws IllegalArgumentException               if the resourceVersion is not a number or a field selector
     *                                                names a field the kind does not support
     */
    <T extends Resource> ListResult<T> list(ResourceType<T> type, ListOptions options);

    /**
     * Replaces an object. If {@code object}'s resourceVersion is set it must equal the stored one (optimistic
     * concurrency); if it is unset the update is unconditional, as Kubernetes allows. An update that changes
     * nothing writes nothing and returns the stored object.
     *
     * @return the stored object, with its new resourceVersion
     * @throws StoreException.NotFound if absent
     * @throws StoreException.Conflict if the resourceVersion or uid differs from the stored one
     */
    <T extends Resource> T update(T object);

    /**
     * Replaces an object with {@code change} applied to its latest state, re-reading and retrying on conflict, as
     * controllers need. {@code change} may run more than once and must not have side effects; returning an equal
     * object writes nothing.
     *
     * @return the stored object
     * @throws StoreException.NotFound if absent (also when deleted between retries)
     */
    <T extends Resource> T update(ResourceType<T> type, String namespace, String name, UnaryOperator<T> change);

    /**
     * Deletes an object.
     *
     * @return the deleted object's last state, stamped with the deletion's revision
     * @throws StoreException.NotFound if absent
     * @throws StoreException.Conflict if a precondition fails
     */
    <T extends Resource> T delete(ResourceType<T> type, String namespace, String name, Preconditions preconditions);

    /**
     * Watches one kind: the changes after {@link WatchOptions#fromRevision()}, in order.
     *
     * @throws StoreException.Gone if the revision is older than the retained history: list again
     */
    <T extends Resource> Watch<T> watch(ResourceType<T> type, WatchOptions options);

    /**
     * Watches one kind, delivering events to {@code listener} on a virtual thread of its own; close the returned
     * watch to stop. Its pull methods must not be used.
     *
     * @throws StoreException.Gone if the revision is older than the retained history: list again
     */
    <T extends Resource> Watch<T> watch(ResourceType<T> type, WatchOptions options, WatchListener<T> listener);

    /** The store's current revision: that of the latest write. */
    long revision();
}
