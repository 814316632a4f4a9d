package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * The keys of a Secret as files. Immutable; holds no secret value.
 *
 * @param secretName  the Secret's name
 * @param items       the keys to project and where; empty projects every key as a file named like it
 * @param defaultMode the files' permission bits (0 to 0777), or {@code null} for 0644
 * @param optional    whether the pod may start when the Secret or a key is missing
 */
public record SecretVolumeSource(String secretName, List<KeyToPath> items, Integer defaultMode, Boolean optional) {

    /** Normalises the items. */
    public SecretVolumeSource {
        items = Immutables.list(items);
    }

    /** Every key of Secret {@code secretName}. */
    public static SecretVolumeSource of(String secretName) {
        return new SecretVolumeSource(secretName, List.of(), null, null);
    }
}
