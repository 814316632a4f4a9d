package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Quantity;
import io.flotilla.api.meta.ResourceBuilder;
import io.flotilla.api.meta.ResourceType;
import java.util.List;
import java.util.Map;

/**
 * A piece of storage in the cluster, made by hand or by a StorageClass's provisioner, that a
 * {@link PersistentVolumeClaim} binds to. Cluster-scoped.
 *
 * <pre>{@code
 * PersistentVolume pv = PersistentVolume.named("pv-postgres-0").capacity("10Gi").readWriteOnce()
 *         .local("/mnt/disks/ssd1").nodeAffinity(NodeSelector.of(...))
 *         .reclaimPolicy(PersistentVolumeSpec.RETAIN).storageClassName("local-storage").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #spec()} is never {@code null}; {@link #status()} is {@code null} until
 * observed.
 *
 * @param metadata standard metadata
 * @param spec     size, source, access modes and binding
 * @param status   the phase
 */
public record PersistentVolume(ObjectMeta metadata, PersistentVolumeSpec spec, PersistentVolumeStatus status)
        implements HasStatus<PersistentVolumeStatus> {

    /** The {@code v1/PersistentVolume} kind. */
    public static final ResourceType<PersistentVolume> TYPE = new ResourceType<>(PersistentVolume.class, "v1",
            "PersistentVolume", "persistentvolumes", false, PersistentVolumeValidation::validate);

    /** Normalises absent values. */
    public PersistentVolume {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? new PersistentVolumeSpec(null, null, null, null, null, null, null, null, null, null)
                : spec;
    }

    /** A builder for a volume named {@code name}. */
    public static Builder named(String name) {
        return new Builder(ObjectMeta.named(name));
    }

    /** A builder holding this volume's metadata and spec (the status is not carried over). */
    public Builder toBuilder() {
        return new Builder(metadata).from(spec);
    }

    @Override
    public ResourceType<PersistentVolume> type() {
        return TYPE;
    }

    @Override
    public PersistentVolume withMetadata(ObjectMeta metadata) {
        return new PersistentVolume(metadata, spec, status);
    }

    @Override
    public PersistentVolume withStatus(PersistentVolumeStatus status) {
        return new PersistentVolume(metadata, spec, status);
    }

    /** A copy bound (or reserved) to {@code claim}: {@code spec.claimRef} set, everything else unchanged. */
    public PersistentVolume withClaimRef(ObjectReference claim) {
        return new PersistentVolume(metadata, toBuilder().claimRef(claim).spec(), status);
    }

    /** Fluent builder of {@link PersistentVolume}. Not thread-safe. */
    public static final class Builder extends ResourceBuilder<Builder, PersistentVolume>
            implements AccessModeBuilder<Builder> {
        private Map<String, Quantity> capacity = Map.of();
        private HostPathVolumeSource hostPath;
        private LocalVolumeSource local;
        private List<String> accessModes = List.of();
        private ObjectReference claimRef;
        private String reclaimPolicy;
        private String storageClassName;
        private List<String> mountOptions = List.of();
        private String volumeMode;
        private VolumeNodeAffinity nodeAffinity;

        private Builder(ObjectMeta metadata) {
            super(metadata);
        }

        private Builder from(PersistentVolumeSpec s) {
            capacity = s.capacity();
            hostPath = s.hostPath();
            local = s.local();
            accessModes = s.accessModes();
            claimRef = s.claimRef();
            reclaimPolicy = s.persistentVolumeReclaimPolicy();
            storageClassName = s.storageClassName();
            mountOptions = s.mountOptions();
            volumeMode = s.volumeMode();
            nodeAffinity = s.nodeAffinity();
            return this;
        }

        /**
         * Sets {@code spec.capacity.storage}, such as {@code 10Gi}.
         *
         * @throws IllegalArgumentException if {@code storage} is not a quantity
         */
        public Builder capacity(String storage) {
            capacity = Immutables.with(capacity, VolumeResourceRequirements.STORAGE, Quantity.parse(storage));
            return this;
        }

        @Override
        public Builder accessMode(String mode) {
            accessModes = Immutables.with(accessModes, mode);
            return this;
        }




        /** Sets the source to a host directory ({@code spec.hostPath.path}). */
        public Builder hostPath(String path) {
            this.hostPath = HostPathVolumeSource.of(path);
            return this;
        }

        /** Sets the source to a node's local disk ({@code spec.local.path}); also set {@link #nodeAffinity}. */
        public Builder local(String path) {
            this.local = LocalVolumeSource.of(path);
            return this;
        }

        /** Sets {@code spec.nodeAffinity.required}. */
        public Builder nodeAffinity(NodeSelector required) {
            this.nodeAffinity = VolumeNodeAffinity.of(required);
            return this;
        }

        /** Sets {@code spec.claimRef}: binds or reserves the volume for that claim. */
        public Builder claimRef(ObjectReference claim) {
            this.claimRef = claim;
            return this;
        }

        /** Sets {@code spec.persistentVolumeReclaimPolicy}, one of {@link PersistentVolumeSpec#RECLAIM_POLICIES}. */
        public Builder reclaimPolicy(String policy) {
            this.reclaimPolicy = policy;
            return this;
        }

        /** Sets {@code spec.storageClassName}. */
        public Builder storageClassName(String name) {
            this.storageClassName = name;
            return this;
        }

        /** Adds a mount option. */
        public Builder mountOption(String option) {
            mountOptions = Immutables.with(mountOptions, option);
            return this;
        }

        /** Sets {@code spec.volumeMode}, one of {@link PersistentVolumeMode#VALUES}. */
        public Builder volumeMode(String mode) {
            this.volumeMode = mode;
            return this;
        }

        private PersistentVolumeSpec spec() {
            return new PersistentVolumeSpec(capacity, hostPath, local, accessModes, claimRef, reclaimPolicy,
                    storageClassName, mountOptions, volumeMode, nodeAffinity);
        }

        @Override
        public PersistentVolume build() {
            return new PersistentVolume(metadata(), spec(), null);
        }
    }
}
