package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Quantity;
import io.flotilla.api.meta.ResourceBuilder;
import io.flotilla.api.meta.ResourceType;
import java.util.List;
import java.util.Map;

/**
 * A request for storage, bound by the control plane to a matching {@link PersistentVolume} (or to one a
 * {@code StorageClass} provisions). Pods mount the claim, not the volume.
 *
 * <pre>{@code
 * PersistentVolumeClaim data = PersistentVolumeClaim.named("data").readWriteOnce().storage("1Gi").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #spec()} is never {@code null}; {@link #status()} is {@code null} until
 * observed.
 *
 * @param metadata standard metadata
 * @param spec     what is asked for
 * @param status   the binding as observed
 */
public record PersistentVolumeClaim(ObjectMeta metadata, PersistentVolumeClaimSpec spec,
                                    PersistentVolumeClaimStatus status)
        implements HasStatus<PersistentVolumeClaimStatus> {

    /** The {@code v1/PersistentVolumeClaim} kind. */
    public static final ResourceType<PersistentVolumeClaim> TYPE = new ResourceType<>(PersistentVolumeClaim.class,
            "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, PersistentVolumeClaimValidation::validate);

    /** Normalises absent values. */
    public PersistentVolumeClaim {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? new PersistentVolumeClaimSpec(null, null, null, null, null, null) : spec;
    }

    /** A builder for a claim named {@code name}. */
    public static Builder named(String name) {
        return new Builder(ObjectMeta.named(name));
    }

    /** A builder holding this claim's metadata and spec (the status is not carried over). */
    public Builder toBuilder() {
        return new Builder(metadata).spec(spec);
    }

    @Override
    public ResourceType<PersistentVolumeClaim> type() {
        return TYPE;
    }

    @Override
    public PersistentVolumeClaim withMetadata(ObjectMeta metadata) {
        return new PersistentVolumeClaim(metadata, spec, status);
    }

    @Override
    public PersistentVolumeClaim withStatus(PersistentVolumeClaimStatus status) {
        return new PersistentVolumeClaim(metadata, spec, status);
    }

    /** Whether the claim is bound to a volume ({@code status.phase} is {@code Bound}). */
    public boolean isBound() {
        return status != null && PersistentVolumeClaimStatus.BOUND.equals(status.phase());
    }

    /** Fluent builder of {@link PersistentVolumeClaim}. Not thread-safe. */
    public static final class Builder extends ResourceBuilder<Builder, PersistentVolumeClaim>
            implements AccessModeBuilder<Builder> {
        private List<String> accessModes = List.of();
        private LabelSelector selector;
        private Map<String, Quantity> limits = Map.of();
        private Map<String, Quantity> requests = Map.of();
        private String volumeName;
        private String storageClassName;
        private String volumeMode;

        private Builder(ObjectMeta metadata) {
            super(metadata);
        }

        private Builder spec(PersistentVolumeClaimSpec spec) {
            accessModes = spec.accessModes();
            selector = spec.selector();
            if (spec.resources() != null) {
                limits = spec.resources().limits();
                requests = spec.resources().requests();
            }
            volumeName = spec.volumeName();
            storageClassName = spec.storageClassName();
            volumeMode = spec.volumeMode();
            return this;
        }

        @Override
        public Builder accessMode(String mode) {
            accessModes = Immutables.with(accessModes, mode);
            return this;
        }





        /**
         * Sets {@code spec.resources.requests.storage}, such as {@code 1Gi}.
         *
         * @throws IllegalArgumentException if {@code quantity} is not a quantity
         */
        public Builder storage(String quantity) {
            requests = Immutables.with(requests, VolumeResourceRequirements.STORAGE, Quantity.parse(quantity));
            return this;
        }

        /**
         * Sets {@code spec.resources.limits.storage}, the most the claim may use.
         *
         * @throws IllegalArgumentException if {@code quantity} is not a quantity
         */
        public Builder storageLimit(String quantity) {
            limits = Immutables.with(limits, VolumeResourceRequirements.STORAGE, Quantity.parse(quantity));
            return this;
        }

        /** Sets {@code spec.selector}: labels a pre-provisioned volume must have. */
        public Builder selector(LabelSelector selector) {
            this.selector = selector;
            return this;
        }

        /** Sets {@code spec.volumeName}: binds to that PersistentVolume. */
        public Builder volumeName(String volumeName) {
            this.volumeName = volumeName;
            return this;
        }

        /** Sets {@code spec.storageClassName}; {@code ""} asks for a volume without a class. */
        public Builder storageClassName(String storageClassName) {
            this.storageClassName = storageClassName;
            return this;
        }

        /** Sets {@code spec.volumeMode}, one of {@link PersistentVolumeMode#VALUES}. */
        public Builder volumeMode(String volumeMode) {
            this.volumeMode = volumeMode;
            return this;
        }

        @Override
        public PersistentVolumeClaim build() {
            VolumeResourceRequirements resources = limits.isEmpty() && requests.isEmpty() ? null
                    : new VolumeResourceRequirements(limits, requests);
            return new PersistentVolumeClaim(metadata(), new PersistentVolumeClaimSpec(accessModes, selector,
                    resources, volumeName, storageClassName, volumeMode), null);
        }
    }
}
