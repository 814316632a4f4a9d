package io.flotilla.api.batch;

import io.flotilla.api.meta.ObjectMeta;

/**
 * The Jobs a {@link CronJob} creates: their metadata (labels, annotations) and spec. Immutable.
 *
 * @param metadata the Jobs' metadata; never {@code null}
 * @param spec     the Jobs' spec
 */
public record JobTemplateSpec(ObjectMeta metadata, JobSpec spec) {

    /** Normalises absent metadata. */
    public JobTemplateSpec {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    }
}
