package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * The keys of a ConfigMap as files. Immutable.
 *
 * @param name        the ConfigMap's name
 * @param items       the keys to project and where; empty projects every key as a file named like it
 * @param defaultMode the files' permission bits (0 to 0777), or {@code null} for 0644
 * @param optional    whether the pod may start when the ConfigMap or a key is missing
 */
public record ConfigMapVolumeSource(String name, List<KeyToPath> items, Integer defaultMode, Boolean optional) {

    /** Normalises the items. */
    public ConfigMapVolumeSource {
        items = Immutables.list(items);
    }

    /** Every key of ConfigMap {@code name}. */
    public static ConfigMapVolumeSource of(String name) {
        return new ConfigMapVolumeSource(name, List.of(), null, null);
    }
}
