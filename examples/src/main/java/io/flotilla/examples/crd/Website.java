package io.flotilla.examples.crd;

import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;

/**
 * A user's kind: a website of {@code spec.replicas} web servers serving {@code spec.message}. Registered with
 * {@code ClusterBuilder.customResource(Website.TYPE)}; loads from YAML like any kind:
 *
 * <pre>
 * apiVersion: example.flotilla.io/v1
 * kind: Website
 * metadata: {name: hello}
 * spec: {replicas: 2, message: "hello from a custom resource"}
 * </pre>
 *
 * @param metadata the object metadata
 * @param spec     what the user wants; required
 * @param status   what the reconciler observed; written through the status subresource only
 */
public record Website(ObjectMeta metadata, Spec spec, Status status) implements HasStatus<Website.Status> {
    /** The kind as the API layer serves it: namespaced, plural {@code websites}. */
    public static final ResourceType<Website> TYPE = new ResourceType<>(Website.class, "example.flotilla.io/v1",
            "Website", "websites", true, Website::validate);

    /** Normalises a missing metadata to empty. */
    public Website {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    }

    /**
     * The desired state.
     *
     * @param replicas how many web servers; at least 0
     * @param message  the page they serve; required
     */
    public record Spec(Integer replicas, String message) {
    }

    /**
     * The observed state.
     *
     * @param availableReplicas how many web servers are available
     */
    public record Status(Integer availableReplicas) {
    }

    /** A Website {@code name} in namespace {@code default}. */
    public static Website of(String name, int replicas, String message) {
        return new Website(ObjectMeta.named(name), new Spec(replicas, message), null);
    }

    private static void validate(Website w, ValidationErrors errors) {
        Checks.objectMeta(w.metadata(), true, true, errors);
        if (w.spec() == null) {
            errors.required(FieldPath.of("spec"), "a Website needs replicas and a message");
            return;
        }
        if (w.spec().replicas() == null) {
            errors.required(FieldPath.of("spec.replicas"), "");
        } else {
            Checks.nonNegative(w.spec().replicas(), FieldPath.of("spec.replicas"), errors);
        }
        Checks.required(w.spec().message(), FieldPath.of("spec.message"), errors);
    }

    @Override
    public ResourceType<Website> type() {
        return TYPE;
    }

    @Override
    public Website withMetadata(ObjectMeta metadata) {
        return new Website(metadata, spec, status);
    }

    @Override
    public Website withStatus(Status status) {
        return new Website(metadata, spec, status);
    }
}
