package io.flotilla.api.meta;

import io.flotilla.api.internal.Immutables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Metadata every object has, with Kubernetes' field names. Immutable; collections are never {@code null}.
 *
 * @param name                       unique name within the namespace and kind
 * @param generateName               prefix from which the server generates a name when {@code name} is absent
 * @param namespace                  the namespace, {@code null} for cluster-scoped kinds (defaulted on write)
 * @param uid                        server-assigned unique id
 * @param resourceVersion            server-assigned version for optimistic concurrency
 * @param generation                 server-assigned sequence number of spec changes
 * @param creationTimestamp          server-assigned creation time
 * @param deletionTimestamp          set when deletion was requested while finalizers remain
 * @param deletionGracePeriodSeconds the grace period granted at deletion
 * @param labels                     identifying key/value pairs used by selectors
 * @param annotations                non-identifying key/value pairs
 * @param ownerReferences            the objects this one depends on
 * @param finalizers                 keys that must be removed before the object is deleted
 */
public record ObjectMeta(
        String name,
        String generateName,
        String namespace,
        String uid,
        String resourceVersion,
        Long generation,
        Instant creationTimestamp,
        Instant deletionTimestamp,
        Long deletionGracePeriodSeconds,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<OwnerReference> ownerReferences,
        List<String> finalizers) {

    /** Metadata with nothing set. */
    public static final ObjectMeta EMPTY = builder().build();

    /** Normalises collections to unmodifiable, never-null copies. */
    public ObjectMeta {
        labels = Immutables.map(labels);
        annotations = Immutables.map(annotations);
        ownerReferences = Immutables.list(ownerReferences);
        finalizers = Immutables.list(finalizers);
    }

    /** A new builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Metadata with just a name. */
    public static ObjectMeta named(String name) {
        return builder().name(name).build();
    }

    /** A builder holding this metadata's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The label's value, if present. */
    public Optional<String> label(String key) {
        return Optional.ofNullable(labels.get(key));
    }

    /** The annotation's value, if present. */
    public Optional<String> annotation(String key) {
        return Optional.ofNullable(annotations.get(key));
    }

    /** The owner reference that marks the managing controller, if any. */
    public Optional<OwnerReference> controllerReference() {
        for (OwnerReference ref : ownerReferences) {
            if (ref.isController()) {
                return Optional.of(ref);
            }
        }
        return Optional.empty();
    }

    /** Whether deletion was requested (the object waits for its finalizers). */
    public boolean isDeleting() {
        return deletionTimestamp != null;
    }

    /** A copy with another name. */
    public ObjectMeta withName(String name) {
        return toBuilder().name(name).build();
    }

    /** A copy with another namespace. */
    public ObjectMeta withNamespace(String namespace) {
        return toBuilder().namespace(namespace).build();
    }

    /** A copy with another resourceVersion. */
    public ObjectMeta withResourceVersion(String resourceVersion) {
        return toBuilder().resourceVersion(resourceVersion).build();
    }

    /** A copy with one more or replaced label. */
    public ObjectMeta withLabel(String key, String value) {
        return toBuilder().label(key, value).build();
    }

    /** A copy with one more or replaced annotation. */
    public ObjectMeta withAnnotation(String key, String value) {
        return toBuilder().annotation(key, value).build();
    }

    /**
     * Mutable builder of {@link ObjectMeta}. Not thread-safe; every method returns {@code this}.
     */
    public static final class Builder {
        private String name;
        private String generateName;
        private String namespace;
        private String uid;
        private String resourceVersion;
        private Long generation;
        private Instant creationTimestamp;
        private Instant deletionTimestamp;
        private Long deletionGracePeriodSeconds;
        private Map<String, String> labels = Map.of();
        private Map<String, String> annotations = Map.of();
        private List<OwnerReference> ownerReferences = List.of();
        private List<String> finalizers = List.of();

        private Builder() {
        }

        private Builder(ObjectMeta m) {
            name = m.name;
            generateName = m.generateName;
            namespace = m.namespace;
            uid = m.uid;
            resourceVersion = m.resourceVersion;
            generation = m.generation;
            creationTimestamp = m.creationTimestamp;
            deletionTimestamp = m.deletionTimestamp;
            deletionGracePeriodSeconds = m.deletionGracePeriodSeconds;
            labels = m.labels;
            annotations = m.annotations;
            ownerReferences = m.ownerReferences;
            finalizers = m.finalizers;
        }

        /** Sets {@code metadata.name}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets {@code metadata.generateName}. */
        public Builder generateName(String generateName) {
            this.generateName = generateName;
            return this;
        }

        /** Sets {@code metadata.namespace}. */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** Sets {@code metadata.uid}. */
        public Builder uid(String uid) {
            this.uid = uid;
            return this;
        }

        /** Sets {@code metadata.resourceVersion}. */
        public Builder resourceVersion(String resourceVersion) {
            this.resourceVersion = resourceVersion;
            return this;
        }

        /** Sets {@code metadata.generation}. */
        public Builder generation(Long generation) {
            this.generation = generation;
            return this;
        }

        /** Sets {@code metadata.creationTimestamp}. */
        public Builder creationTimestamp(Instant creationTimestamp) {
            this.creationTimestamp = creationTimestamp;
            return this;
        }

        /** Sets {@code metadata.deletionTimestamp}. */
        public Builder deletionTimestamp(Instant deletionTimestamp) {
            this.deletionTimestamp = deletionTimestamp;
            return this;
        }

        /** Sets {@code metadata.deletionGracePeriodSeconds}. */
        public Builder deletionGracePeriodSeconds(Long seconds) {
            this.deletionGracePeriodSeconds = seconds;
            return this;
        }

        /** Adds or replaces one label. */
        public Builder label(String key, String value) {
            labels = Immutables.with(labels, key, value);
            return this;
        }

        /** Replaces all labels. */
        public Builder labels(Map<String, String> labels) {
            this.labels = Immutables.map(labels);
            return this;
        }

        /** Adds or replaces one annotation. */
        public Builder annotation(String key, String value) {
            annotations = Immutables.with(annotations, key, value);
            return this;
        }

        /** Replaces all annotations. */
        public Builder annotations(Map<String, String> annotations) {
            this.annotations = Immutables.map(annotations);
            return this;
        }

        /** Adds an owner reference. */
        public Builder ownerReference(OwnerReference ref) {
            ownerReferences = Immutables.with(ownerReferences, ref);
            return this;
        }

        /** Replaces all owner references. */
        public Builder ownerReferences(List<OwnerReference> refs) {
            ownerReferences = Immutables.list(refs);
            return this;
        }

        /** Adds a finalizer. */
        public Builder finalizer(String finalizer) {
            finalizers = Immutables.with(finalizers, finalizer);
            return this;
        }

        /** Replaces all finalizers. */
        public Builder finalizers(List<String> finalizers) {
            this.finalizers = Immutables.list(finalizers);
            return this;
        }

        /** The metadata built so far. */
        public ObjectMeta build() {
            return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                    deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
        }
    }
}
