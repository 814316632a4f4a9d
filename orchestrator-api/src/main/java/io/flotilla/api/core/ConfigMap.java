package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceBuilder;
import io.flotilla.api.meta.ResourceType;
import java.util.Base64;
import java.util.Map;

/**
 * Configuration data for pods: files in a volume, or environment variables.
 *
 * <pre>{@code
 * ConfigMap site = ConfigMap.named("site").data("index.html", "<h1>hello</h1>").build();
 * }</pre>
 *
 * @param metadata   standard metadata
 * @param data       UTF-8 entries
 * @param binaryData binary entries, base64-encoded as in YAML
 * @param immutable  whether the data may never change
 */
public record ConfigMap(ObjectMeta metadata, Map<String, String> data, Map<String, String> binaryData,
                        Boolean immutable) implements Resource {

    /** The {@code v1/ConfigMap} kind. */
    public static final ResourceType<ConfigMap> TYPE =
            new ResourceType<>(ConfigMap.class, "v1", "ConfigMap", "configmaps", true, ConfigMapValidation::validate);

    /** Normalises absent values. */
    public ConfigMap {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        data = Immutables.map(data);
        binaryData = Immutables.map(binaryData);
    }

    /** A builder for a ConfigMap named {@code name}. */
    public static Builder named(String name) {
        return new Builder(ObjectMeta.named(name));
    }

    /** A builder holding this ConfigMap's values. */
    public Builder toBuilder() {
        return new Builder(metadata).data(data).binaryData(binaryData).immutable(immutable);
    }

    @Override
    public ResourceType<ConfigMap> type() {
        return TYPE;
    }

    @Override
    public ConfigMap withMetadata(ObjectMeta metadata) {
        return new ConfigMap(metadata, data, binaryData, immutable);
    }

    /** Fluent builder of {@link ConfigMap}. Not thread-safe. */
    public static final class Builder extends ResourceBuilder<Builder, ConfigMap> {
        private Map<String, String> data = Map.of();
        private Map<String, String> binaryData = Map.of();
        private Boolean immutable;

        private Builder(ObjectMeta metadata) {
            super(metadata);
        }

        /** Adds or replaces a UTF-8 entry. */
        public Builder data(String key, String value) {
            data = Immutables.with(data, key, value);
            return this;
        }

        /** Replaces all UTF-8 entries. */
        public Builder data(Map<String, String> data) {
            this.data = Immutables.map(data);
            return this;
        }

        /** Adds or replaces a binary entry. */
        public Builder binaryData(String key, byte[] value) {
            binaryData = Immutables.with(binaryData, key, Base64.getEncoder().encodeToString(value));
            return this;
        }

        private Builder binaryData(Map<String, String> base64) {
            this.binaryData = Immutables.map(base64);
            return this;
        }

        /** Marks the data as never changing. */
        public Builder immutable(Boolean immutable) {
            this.immutable = immutable;
            return this;
        }

        @Override
        public ConfigMap build() {
            return new ConfigMap(metadata(), data, binaryData, immutable);
        }
    }
}
