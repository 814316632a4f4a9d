package io.flotilla.api.core;

/**
 * The access-mode methods PersistentVolume and PersistentVolumeClaim builders share. Not thread-safe, like the
 * builders that implement it.
 *
 * @param <B> the builder type
 */
public interface AccessModeBuilder<B> {

    /** Adds an access mode, one of {@link PersistentVolumeAccessMode#VALUES}. */
    B accessMode(String mode);

    /** Adds the {@code ReadWriteOnce} access mode: read-write by one node. */
    default B readWriteOnce() {
        return accessMode(PersistentVolumeAccessMode.READ_WRITE_ONCE);
    }

    /** Adds the {@code ReadOnlyMany} access mode: read-only by many nodes. */
    default B readOnlyMany() {
        return accessMode(PersistentVolumeAccessMode.READ_ONLY_MANY);
    }

    /** Adds the {@code ReadWriteMany} access mode: read-write by many nodes. */
    default B readWriteMany() {
        return accessMode(PersistentVolumeAccessMode.READ_WRITE_MANY);
    }

    /** Adds the {@code ReadWriteOncePod} access mode: read-write by one pod. */
    default B readWriteOncePod() {
        return accessMode(PersistentVolumeAccessMode.READ_WRITE_ONCE_POD);
    }
}
