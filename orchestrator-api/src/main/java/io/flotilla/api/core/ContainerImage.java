package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * An image present on a node. Immutable; the list is never {@code null}.
 *
 * @param names     the image's names: tags and digests
 * @param sizeBytes its size in bytes
 */
public record ContainerImage(List<String> names, Long sizeBytes) {

    /** Normalises an absent list. */
    public ContainerImage {
        names = Immutables.list(names);
    }
}
