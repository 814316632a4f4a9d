package io.flotilla.core.store;

import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;

/** A cluster-scoped kind in a named API group, for scope and error-message tests. */
record Widget(ObjectMeta metadata, String size) implements Resource {
    static final ResourceType<Widget> TYPE =
            new ResourceType<>(Widget.class, "example.io/v1", "Widget", "widgets", false, (w, errors) -> { });

    static Widget named(String name, String size) {
        return new Widget(ObjectMeta.named(name), size);
    }

    @Override
    public ResourceType<Widget> type() {
        return TYPE;
    }

    @Override
    public Widget withMetadata(ObjectMeta metadata) {
        return new Widget(metadata == null ? ObjectMeta.EMPTY : metadata, size);
    }
}
