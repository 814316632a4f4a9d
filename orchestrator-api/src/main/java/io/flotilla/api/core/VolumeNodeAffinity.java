package io.flotilla.api.core;

/**
 * The nodes from which a PersistentVolume can be used; pods using it are scheduled there. Immutable.
 *
 * @param required the nodes the volume is reachable from; required
 */
public record VolumeNodeAffinity(NodeSelector required) {

    /** Affinity to the nodes {@code selector} matches. */
    public static VolumeNodeAffinity of(NodeSelector selector) {
        return new VolumeNodeAffinity(selector);
    }
}
