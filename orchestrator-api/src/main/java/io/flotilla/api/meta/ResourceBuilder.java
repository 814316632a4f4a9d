package io.flotilla.api.meta;

import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Base of every top-level fluent builder: the metadata methods every kind shares, written once.
 *
 * <p>Builders are mutable and not thread-safe; {@link #build()} returns an immutable resource. Every method
 * returns the concrete builder so chains stay typed.
 *
 * @param <B> the concrete builder type
 * @param <T> the resource type built
 */
public abstract class ResourceBuilder<B extends ResourceBuilder<B, T>, T extends Resource> implements Buildable<T> {
    private ObjectMeta.Builder metadata;

    /**
     * Starts a builder for an object named {@code name}.
     *
     * @param name the object's {@code metadata.name}; may be {@code null} when {@link #generateName} is used
     */
    protected ResourceBuilder(String name) {
        this.metadata = ObjectMeta.builder().name(name);
    }

    /** Starts a builder from an existing object's metadata (for {@code toBuilder()}). */
    protected ResourceBuilder(ObjectMeta metadata) {
        this.metadata = Objects.requireNonNull(metadata, "metadata").toBuilder();
    }

    /** This builder, typed. */
    @SuppressWarnings("unchecked")
    protected final B self() {
        return (B) this;
    }

    /** The metadata built so far, for {@link #build()}. */
    protected final ObjectMeta metadata() {
        return metadata.build();
    }

    /** Sets {@code metadata.namespace}. */
    public B namespace(String namespace) {
        metadata.namespace(namespace);
        return self();
    }

    /** Sets {@code metadata.generateName}: the server appends a random suffix to make the name. */
    public B generateName(String prefix) {
        metadata.generateName(prefix);
        return self();
    }

    /** Adds or replaces one of {@code metadata.labels}. */
    public B label(String key, String value) {
        metadata.label(key, value);
        return self();
    }

    /** Replaces {@code metadata.labels}. */
    public B labels(Map<String, String> labels) {
        metadata.labels(labels);
        return self();
    }

    /** Adds or replaces one of {@code metadata.annotations}. */
    public B annotation(String key, String value) {
        metadata.annotation(key, value);
        return self();
    }

    /** Adds an entry to {@code metadata.ownerReferences}. */
    public B ownerReference(OwnerReference ref) {
        metadata.ownerReference(ref);
        return self();
    }

    /** Adds an entry to {@code metadata.finalizers}. */
    public B finalizer(String finalizer) {
        metadata.finalizer(finalizer);
        return self();
    }

    /** Edits the metadata directly, for the fields without a shortcut here. */
    public B metadata(UnaryOperator<ObjectMeta.Builder> edit) {
        metadata = Objects.requireNonNull(edit.apply(metadata), "edit result");
        return self();
    }
}
