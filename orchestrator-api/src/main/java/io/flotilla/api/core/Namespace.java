package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.ResourceBuilder;
import io.flotilla.api.meta.ResourceType;
import java.util.List;

/**
 * A scope for names: namespaced objects are unique per namespace and kind. Cluster-scoped; the name is a DNS-1123
 * label.
 *
 * <pre>{@code
 * Namespace shop = Namespace.named("shop").label("team", "payments").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #spec()} is never {@code null}; {@link #status()} is {@code null} until
 * observed.
 *
 * @param metadata standard metadata
 * @param spec     the finalizers
 * @param status   the phase
 */
public record Namespace(ObjectMeta metadata, NamespaceSpec spec, NamespaceStatus status)
        implements HasStatus<NamespaceStatus> {

    /** The {@code v1/Namespace} kind. */
    public static final ResourceType<Namespace> TYPE =
            new ResourceType<>(Namespace.class, "v1", "Namespace", "namespaces", false, NamespaceValidation::validate);

    /** The namespace objects go to when none is given. */
    public static final String DEFAULT = "default";

    /** Normalises absent values. */
    public Namespace {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? new NamespaceSpec(null) : spec;
    }

    /** A builder for a namespace named {@code name}. */
    public static Builder named(String name) {
        return new Builder(ObjectMeta.named(name));
    }

    /** A builder holding this namespace's metadata and spec (the status is not carried over). */
    public Builder toBuilder() {
        Builder b = new Builder(metadata);
        b.finalizers = spec.finalizers();
        return b;
    }

    @Override
    public ResourceType<Namespace> type() {
        return TYPE;
    }

    @Override
    public Namespace withMetadata(ObjectMeta metadata) {
        return new Namespace(metadata, spec, status);
    }

    @Override
    public Namespace withStatus(NamespaceStatus status) {
        return new Namespace(metadata, spec, status);
    }

    /** Whether the namespace is being deleted ({@code status.phase} is {@code Terminating}). */
    public boolean isTerminating() {
        return status != null && NamespaceStatus.TERMINATING.equals(status.phase());
    }

    /** Fluent builder of {@link Namespace}. Not thread-safe. */
    public static final class Builder extends ResourceBuilder<Builder, Namespace> {
        private List<String> finalizers = List.of();

        private Builder(ObjectMeta metadata) {
            super(metadata);
        }

        /** Adds one of {@code spec.finalizers} (not {@code metadata.finalizers}, see {@link #finalizer}). */
        public Builder specFinalizer(String finalizer) {
            finalizers = Immutables.with(finalizers, finalizer);
            return this;
        }

        @Override
        public Namespace build() {
            return new Namespace(metadata(), new NamespaceSpec(finalizers), null);
        }
    }
}
