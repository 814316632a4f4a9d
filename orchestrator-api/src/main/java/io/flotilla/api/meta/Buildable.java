package io.flotilla.api.meta;

/**
 * Anything that yields a resource: every fluent builder. Lets APIs such as {@code cluster.apply(...)} accept a
 * builder without a trailing {@code build()}.
 *
 * @param <T> the resource type built
 */
@FunctionalInterface
public interface Buildable<T extends Resource> {

    /**
     * Builds the resource from the values set so far. Builders may be reused: each call returns a new, independent
     * immutable object.
     */
    T build();
}
