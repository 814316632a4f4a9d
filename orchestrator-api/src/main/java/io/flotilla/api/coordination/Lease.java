package io.flotilla.api.coordination;

import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceBuilder;
import io.flotilla.api.meta.ResourceType;
import java.time.Instant;

/**
 * A lock with an expiry, held by one identity at a time: leader election of controllers, and node heartbeats (one
 * Lease per node in {@code kube-node-lease}). Take and renew it with optimistic concurrency
 * ({@code metadata.resourceVersion}).
 *
 * <pre>{@code
 * Lease lock = Lease.named("flotilla-controllers").namespace("kube-system")
 *         .holder("controller-7f9c").durationSeconds(15).acquired(now).renewed(now).transitions(3).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #spec()} is never {@code null}.
 *
 * @param metadata standard metadata
 * @param spec     holder and times
 */
public record Lease(ObjectMeta metadata, LeaseSpec spec) implements Resource {

    /** The {@code coordination.k8s.io/v1/Lease} kind. */
    public static final ResourceType<Lease> TYPE = new ResourceType<>(Lease.class, "coordination.k8s.io/v1", "Lease",
            "leases", true, LeaseValidation::validate);

    /** Normalises absent values. */
    public Lease {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? new LeaseSpec(null, null, null, null, null) : spec;
    }

    /** A builder for a lease named {@code name}. */
    public static Builder named(String name) {
        return new Builder(ObjectMeta.named(name));
    }

    /** A builder holding this lease's values. */
    public Builder toBuilder() {
        Builder b = new Builder(metadata);
        b.holder = spec.holderIdentity();
        b.durationSeconds = spec.leaseDurationSeconds();
        b.acquired = spec.acquireTime();
        b.renewed = spec.renewTime();
        b.transitions = spec.leaseTransitions();
        return b;
    }

    @Override
    public ResourceType<Lease> type() {
        return TYPE;
    }

    @Override
    public Lease withMetadata(ObjectMeta metadata) {
        return new Lease(metadata, spec);
    }

    /** A copy with another spec. */
    public Lease withSpec(LeaseSpec spec) {
        return new Lease(metadata, spec);
    }

    /** Fluent builder of {@link Lease}. Not thread-safe. */
    public static final class Builder extends ResourceBuilder<Builder, Lease> {
        private String holder;
        private Integer durationSeconds;
        private Instant acquired;
        private Instant renewed;
        private Integer transitions;

        private Builder(ObjectMeta metadata) {
            super(metadata);
        }

        /** Sets {@code spec.holderIdentity}. */
        public Builder holder(String identity) {
            this.holder = identity;
            return this;
        }

        /** Sets {@code spec.leaseDurationSeconds}. */
        public Builder durationSeconds(Integer seconds) {
            this.durationSeconds = seconds;
            return this;
        }

        /** Sets {@code spec.acquireTime}. */
        public Builder acquired(Instant time) {
            this.acquired = time;
            return this;
        }

        /** Sets {@code spec.renewTime}. */
        public Builder renewed(Instant time) {
            this.renewed = time;
            return this;
        }

        /** Sets {@code spec.leaseTransitions}. */
        public Builder transitions(Integer transitions) {
            this.transitions = transitions;
            return this;
        }

        @Override
        public Lease build() {
            return new Lease(metadata(), new LeaseSpec(holder, durationSeconds, acquired, renewed, transitions));
        }
    }
}
