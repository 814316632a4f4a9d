package io.flotilla.core.store;

import io.flotilla.api.meta.Resource;
import java.util.List;

/**
 * The result of a list: the matching objects, sorted by namespace then name, and the store revision the list
 * reflects. Watching from {@link #revision()} delivers exactly the changes after this state. Immutable.
 *
 * @param items    the objects, never {@code null}
 * @param revision the store revision this list reflects
 * @param <T>      the resource type
 */
public record ListResult<T extends Resource>(List<T> items, long revision) {

    /** Copies the items into an unmodifiable list. */
    public ListResult {
        items = List.copyOf(items);
    }

    /** The revision as the list's {@code metadata.resourceVersion} string. */
    public String resourceVersion() {
        return Long.toString(revision);
    }
}
