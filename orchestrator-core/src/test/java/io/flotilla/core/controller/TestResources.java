package io.flotilla.core.controller;

import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import java.util.List;

/** Small resource kinds for controller tests. */
final class TestResources {
    private TestResources() {
    }

    /** A namespaced kind in the {@code example.io} group. */
    record Widget(ObjectMeta metadata) implements Resource {
        static final ResourceType<Widget> TYPE =
                new ResourceType<>(Widget.class, "example.io/v1", "Widget", "widgets", true, (w, errors) -> { });

        static Widget of(String namespace, String name) {
            return new Widget(ObjectMeta.builder().namespace(namespace).name(name).uid("uid-" + name).build());
        }

        @Override
        public ResourceType<Widget> type() {
            return TYPE;
        }

        @Override
        public Widget withMetadata(ObjectMeta metadata) {
            return new Widget(metadata);
        }
    }

    /** A cluster-scoped kind in the {@code example.io} group. */
    record Gadget(ObjectMeta metadata) implements Resource {
        static final ResourceType<Gadget> TYPE =
                new ResourceType<>(Gadget.class, "example.io/v1", "Gadget", "gadgets", false, (g, errors) -> { });

        static Gadget of(String name) {
            return new Gadget(ObjectMeta.builder().name(name).uid("uid-" + name).build());
        }

        @Override
        public ResourceType<Gadget> type() {
            return TYPE;
        }

        @Override
        public Gadget withMetadata(ObjectMeta metadata) {
            return new Gadget(metadata);
        }
    }

    /** {@code object} with {@code refs} as its owner references. */
    @SuppressWarnings("unchecked")
    static <T extends Resource> T ownedBy(T object, OwnerReference... refs) {
        return (T) object.withMetadata(object.metadata().toBuilder().ownerReferences(List.of(refs)).build());
    }
}
