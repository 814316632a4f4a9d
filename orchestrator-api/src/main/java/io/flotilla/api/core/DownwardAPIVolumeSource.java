package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * Pod fields and container resources as files. Immutable.
 *
 * @param items       the files
 * @param defaultMode the files' permission bits, or {@code null} for 0644
 */
public record DownwardAPIVolumeSource(List<DownwardAPIVolumeFile> items, Integer defaultMode) {

    /** Normalises the items. */
    public DownwardAPIVolumeSource {
        items = Immutables.list(items);
    }
}
