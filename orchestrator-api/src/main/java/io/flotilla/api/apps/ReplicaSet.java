package io.flotilla.api.apps;

import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.ResourceType;

/**
 * Keeps a number of identical pods running. Usually made and scaled by a {@link Deployment}, one per template
 * revision; use a Deployment unless you need a set that never rolls out.
 *
 * <pre>{@code
 * ReplicaSet rs = ReplicaSet.named("cache").replicas(2).container("redis", c -> c.image("redis:7")).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #status()} is {@code null} until observed.
 *
 * @param metadata standard metadata
 * @param spec     the desired state
 * @param status   the observed state
 */
public record ReplicaSet(ObjectMeta metadata, ReplicaSetSpec spec, ReplicaSetStatus status)
        implements HasStatus<ReplicaSetStatus> {

    /** The {@code apps/v1/ReplicaSet} kind. */
    public static final ResourceType<ReplicaSet> TYPE = new ResourceType<>(ReplicaSet.class, "apps/v1", "ReplicaSet",
            "replicasets", true, ReplicaSetValidation::validate);

    /** Normalises absent metadata. */
    public ReplicaSet {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    }

    /** A builder for a ReplicaSet named {@code name}. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** A builder holding this ReplicaSet's metadata and spec (not its status). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public ResourceType<ReplicaSet> type() {
        return TYPE;
    }

    @Override
    public ReplicaSet withMetadata(ObjectMeta metadata) {
        return new ReplicaSet(metadata, spec, status);
    }

    @Override
    public ReplicaSet withStatus(ReplicaSetStatus status) {
        return new ReplicaSet(metadata, spec, status);
    }

    /** A copy with another spec. */
    public ReplicaSet withSpec(ReplicaSetSpec spec) {
        return new ReplicaSet(metadata, spec, status);
    }

    /**
     * Fluent builder of {@link ReplicaSet}; the pod template and selector methods come from
     * {@link WorkloadBuilder}. Not thread-safe.
     */
    public static final class Builder extends WorkloadBuilder<Builder, ReplicaSet> {
        private Integer replicas;
        private Integer minReadySeconds;

        private Builder(String name) {
            super(name);
        }

        private Builder(ReplicaSet rs) {
            super(rs.metadata(), rs.spec() == null ? null : rs.spec().template(),
                    rs.spec() == null ? null : rs.spec().selector());
            if (rs.spec() != null) {
                replicas = rs.spec().replicas();
                minReadySeconds = rs.spec().minReadySeconds();
            }
        }

        /** Sets the desired number of pods. */
        public Builder replicas(Integer replicas) {
            this.replicas = replicas;
            return this;
        }

        /** Sets how long a new pod must be ready before it counts as available. */
        public Builder minReadySeconds(Integer seconds) {
            this.minReadySeconds = seconds;
            return this;
        }

        @Override
        public ReplicaSet build() {
            return new ReplicaSet(metadata(),
                    new ReplicaSetSpec(replicas, minReadySeconds, selectorOrDefault(), template()), null);
        }
    }
}
