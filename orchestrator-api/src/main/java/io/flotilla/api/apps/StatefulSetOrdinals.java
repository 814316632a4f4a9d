package io.flotilla.api.apps;

/**
 * The numbering of a StatefulSet's pods. Immutable.
 *
 * @param start the ordinal of the first pod (default 0); pods are named {@code <set>-<start>},
 *              {@code <set>-<start + 1>}...
 */
public record StatefulSetOrdinals(Integer start) {
}
