package io.flotilla.api.core;

import io.flotilla.api.meta.ObjectMeta;

/**
 * The pods a workload creates: their metadata (labels, annotations) and spec. Immutable.
 *
 * @param metadata the pods' metadata; never {@code null}
 * @param spec     the pods' spec
 */
public record PodTemplateSpec(ObjectMeta metadata, PodSpec spec) {

    /** Normalises absent metadata. */
    public PodTemplateSpec {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    }

    /** A copy with another spec. */
    public PodTemplateSpec withSpec(PodSpec spec) {
        return new PodTemplateSpec(metadata, spec);
    }

    /** A copy with other metadata. */
    public PodTemplateSpec withMetadata(ObjectMeta metadata) {
        return new PodTemplateSpec(metadata, spec);
    }
}
