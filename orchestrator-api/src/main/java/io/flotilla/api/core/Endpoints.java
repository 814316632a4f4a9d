package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceBuilder;
import io.flotilla.api.meta.ResourceType;
import java.util.List;

/**
 * The endpoints of the Service of the same name: the IPs and ports of the pods it selects, split into ready and
 * not-ready addresses. Written by the endpoints controller for Services with a selector, by hand otherwise.
 *
 * <pre>{@code
 * Endpoints ext = Endpoints.named("legacy-db")
 *         .subset(EndpointSubset.of(List.of(EndpointAddress.of("10.0.0.12")), List.of(EndpointPort.of(5432))))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #subsets()} is never {@code null}.
 *
 * @param metadata standard metadata; the name is the Service's
 * @param subsets  groups of addresses with their ports
 */
public record Endpoints(ObjectMeta metadata, List<EndpointSubset> subsets) implements Resource {

    /** The {@code v1/Endpoints} kind. */
    public static final ResourceType<Endpoints> TYPE =
            new ResourceType<>(Endpoints.class, "v1", "Endpoints", "endpoints", true, EndpointsValidation::validate);

    /** Normalises absent values. */
    public Endpoints {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        subsets = Immutables.list(subsets);
    }

    /** A builder for the endpoints of the Service named {@code name}. */
    public static Builder named(String name) {
        return new Builder(ObjectMeta.named(name));
    }

    /** A builder holding these endpoints' values. */
    public Builder toBuilder() {
        Builder b = new Builder(metadata);
        b.subsets = subsets;
        return b;
    }

    @Override
    public ResourceType<Endpoints> type() {
        return TYPE;
    }

    @Override
    public Endpoints withMetadata(ObjectMeta metadata) {
        return new Endpoints(metadata, subsets);
    }

    /** Every ready address of every subset. */
    public List<EndpointAddress> readyAddresses() {
        return subsets.stream().flatMap(s -> s.addresses().stream()).toList();
    }

    /** Fluent builder of {@link Endpoints}. Not thread-safe. */
    public static final class Builder extends ResourceBuilder<Builder, Endpoints> {
        private List<EndpointSubset> subsets = List.of();

        private Builder(ObjectMeta metadata) {
            super(metadata);
        }

        /** Adds a subset. */
        public Builder subset(EndpointSubset subset) {
            subsets = Immutables.with(subsets, subset);
            return this;
        }

        @Override
        public Endpoints build() {
            return new Endpoints(metadata(), subsets);
        }
    }
}
