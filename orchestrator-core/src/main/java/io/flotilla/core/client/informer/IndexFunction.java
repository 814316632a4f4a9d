package io.flotilla.core.client.informer;

import io.flotilla.api.meta.Resource;
import java.util.Collection;

/**
 * Computes the values under which an object is indexed, as client-go's {@code IndexFunc}: an object may have none,
 * one or several (a label index gives one value per label). Implementations must be fast, side-effect free and
 * thread-safe, and must return the same values for equal objects. Returning {@code null} means no values; an
 * implementation that throws is logged and the object is left out of that index.
 *
 * @param <T> the resource type
 */
@FunctionalInterface
public interface IndexFunction<T extends Resource> {

    /**
     * The index values of {@code object}.
     *
     * @param object the object; never {@code null}
     * @return the values, possibly empty or {@code null}
     */
    Collection<String> values(T object);
}
