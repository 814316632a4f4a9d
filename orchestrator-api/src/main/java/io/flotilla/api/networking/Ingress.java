package io.flotilla.api.networking;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.ResourceBuilder;
import io.flotilla.api.meta.ResourceType;
import java.util.List;

/**
 * HTTP(S) routing from outside the cluster to Services, by host and path.
 *
 * <pre>{@code
 * Ingress shop = Ingress.named("shop").ingressClassName("flotilla")
 *         .rule("shop.example.com",
 *                 HttpIngressPath.prefix("/", IngressBackend.service("web", 80)),
 *                 HttpIngressPath.exact("/api/health", IngressBackend.service("api", "http")))
 *         .tls("shop-example-com-tls", "shop.example.com")
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #spec()} is never {@code null}; {@link #status()} is {@code null} until
 * observed.
 *
 * @param metadata standard metadata
 * @param spec     the class, default backend, TLS and rules
 * @param status   where the Ingress is reachable
 */
public record Ingress(ObjectMeta metadata, IngressSpec spec, IngressStatus status) implements HasStatus<IngressStatus> {

    /** The {@code networking.k8s.io/v1/Ingress} kind. */
    public static final ResourceType<Ingress> TYPE = new ResourceType<>(Ingress.class, "networking.k8s.io/v1",
            "Ingress", "ingresses", true, IngressValidation::validate);

    /** Normalises absent values. */
    public Ingress {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? new IngressSpec(null, null, null, null) : spec;
    }

    /** A builder for an Ingress named {@code name}. */
    public static Builder named(String name) {
        return new Builder(ObjectMeta.named(name));
    }

    /** A builder holding this Ingress's metadata and spec (the status is not carried over). */
    public Builder toBuilder() {
        Builder b = new Builder(metadata);
        b.ingressClassName = spec.ingressClassName();
        b.defaultBackend = spec.defaultBackend();
        b.tls = spec.tls();
        b.rules = spec.rules();
        return b;
    }

    @Override
    public ResourceType<Ingress> type() {
        return TYPE;
    }

    @Override
    public Ingress withMetadata(ObjectMeta metadata) {
        return new Ingress(metadata, spec, status);
    }

    @Override
    public Ingress withStatus(IngressStatus status) {
        return new Ingress(metadata, spec, status);
    }

    /** Fluent builder of {@link Ingress}. Not thread-safe. */
    public static final class Builder extends ResourceBuilder<Builder, Ingress> {
        private String ingressClassName;
        private IngressBackend defaultBackend;
        private List<IngressTls> tls = List.of();
        private List<IngressRule> rules = List.of();

        private Builder(ObjectMeta metadata) {
            super(metadata);
        }

        /** Sets {@code spec.ingressClassName}. */
        public Builder ingressClassName(String name) {
            this.ingressClassName = name;
            return this;
        }

        /** Sets {@code spec.defaultBackend}, where requests matching no rule go. */
        public Builder defaultBackend(IngressBackend backend) {
            this.defaultBackend = backend;
            return this;
        }

        /** Adds a rule. */
        public Builder rule(IngressRule rule) {
            rules = Immutables.with(rules, rule);
            return this;
        }

        /** Adds a rule routing {@code paths} of {@code host} ({@code null} for every host). */
        public Builder rule(String host, HttpIngressPath... paths) {
            return rule(IngressRule.of(host, paths));
        }

        /** Terminates TLS for {@code hosts} with the {@code kubernetes.io/tls} Secret {@code secretName}. */
        public Builder tls(String secretName, String... hosts) {
            tls = Immutables.with(tls, new IngressTls(List.of(hosts), secretName));
            return this;
        }

        @Override
        public Ingress build() {
            return new Ingress(metadata(), new IngressSpec(ingressClassName, defaultBackend, tls, rules), null);
        }
    }
}
