package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * Linux capabilities to add to and drop from a container's default set, such as {@code NET_ADMIN}. Immutable.
 *
 * @param add  capabilities to add
 * @param drop capabilities to drop ({@code ALL} drops every one)
 */
public record Capabilities(List<String> add, List<String> drop) {

    /** Normalises the lists. */
    public Capabilities {
        add = Immutables.list(add);
        drop = Immutables.list(drop);
    }
}
