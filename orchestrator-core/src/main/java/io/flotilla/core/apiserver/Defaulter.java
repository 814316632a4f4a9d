package io.flotilla.core.apiserver;

import io.flotilla.api.meta.Resource;

/**
 * Fills in unset fields of one kind on every create and update, before admission and validation, as Kubernetes'
 * defaulting functions. The API server has defaulters for the built-in kinds; users add their own for custom kinds
 * (or to add defaults to built-in ones) with {@link ApiServerBuilder#defaulter}.
 *
 * <p>Implementations must be pure (same input, same output), idempotent (defaulting a defaulted object changes
 * nothing, since every update is defaulted again) and thread-safe, and must only set fields that are unset.
 *
 * @param <T> the kind's record type
 */
@FunctionalInterface
public interface Defaulter<T extends Resource> {

    /**
     * The object with defaults filled in.
     *
     * @param object the object, never {@code null}
     * @return the defaulted object (possibly {@code object} itself), never {@code null}
     */
    T apply(T object);
}
