package io.flotilla.api.meta;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A Kubernetes-style object: a kind, an {@code apiVersion} and {@link ObjectMeta}, plus whatever the kind holds
 * (usually a {@code spec} and a {@code status}).
 *
 * <p>Implementations are immutable records, so they are thread-safe and compare by value. {@link #metadata()} is
 * never {@code null}. The kind and apiVersion are not record components: they come from {@link #type()} and are
 * written and checked by the manifest codec.
 */
public interface Resource {

    /** The descriptor of this object's kind; never {@code null}. */
    @JsonIgnore
    ResourceType<?> type();

    /** This object's metadata; never {@code null}. */
    ObjectMeta metadata();

    /**
     * A copy of this object with other metadata. Implementations narrow the return type to their own class.
     *
     * @param metadata the new metadata; {@code null} means empty metadata
     */
    Resource withMetadata(ObjectMeta metadata);

    /** The group/version, such as {@code v1} or {@code apps/v1}. */
    @JsonIgnore
    default String apiVersion() {
        return type().apiVersion();
    }

    /** The kind, such as {@code Pod}. */
    @JsonIgnore
    default String kind() {
        return type().kind();
    }
}
