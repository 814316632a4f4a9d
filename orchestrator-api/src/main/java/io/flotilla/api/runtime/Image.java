package io.flotilla.api.runtime;

import io.flotilla.api.internal.Immutables;
import java.util.List;
import java.util.Objects;

/**
 * An image present on the runtime (CRI {@code Image}). Immutable; lists are never {@code null}.
 *
 * @param id          the runtime's image id, such as {@code sha256:...}; not {@code null}
 * @param repoTags    the references it is known by, such as {@code nginx:1.27}
 * @param repoDigests its digests, such as {@code nginx@sha256:...}
 * @param sizeBytes   its size on disk
 */
public record Image(String id, List<String> repoTags, List<String> repoDigests, long sizeBytes) {

    /** Checks and normalises the components. */
    public Image {
        Objects.requireNonNull(id, "id");
        repoTags = Immutables.list(repoTags);
        repoDigests = Immutables.list(repoDigests);
    }
}
