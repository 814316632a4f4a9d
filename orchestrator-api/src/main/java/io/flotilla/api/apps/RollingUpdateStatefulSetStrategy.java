package io.flotilla.api.apps;

import io.flotilla.api.meta.IntOrString;

/**
 * The bounds of a StatefulSet's rolling update. Immutable; {@code null} components are unset.
 *
 * @param partition      pods with an ordinal below this keep the old revision (default 0: update all)
 * @param maxUnavailable pods (or percent) that may be unavailable during the update (default 1)
 */
public record RollingUpdateStatefulSetStrategy(Integer partition, IntOrString maxUnavailable) {
}
