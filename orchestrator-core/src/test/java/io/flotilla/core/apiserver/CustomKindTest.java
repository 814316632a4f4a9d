package io.flotilla.core.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Namespace;
import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import io.flotilla.core.store.InMemoryObjectStore;
import io.flotilla.core.store.Watch;
import io.flotilla.core.store.WatchEvent;
import io.flotilla.core.store.WatchOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Custom record kinds registered by users get the same API behaviour as the built-in ones. */
class CustomKindTest {

    /** A user's kind. */
    record Widget(ObjectMeta metadata, WidgetSpec spec, WidgetStatus status) implements HasStatus<WidgetStatus> {
        static final ResourceType<Widget> TYPE = new ResourceType<>(Widget.class, "example.com/v1", "Widget",
                "widgets", true, Widget::validate);

        Widget {
            metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        }

        static void validate(Widget w, ValidationErrors errors) {
            Checks.objectMeta(w.metadata(), true, false, errors);
            if (w.spec() == null || w.spec().size() == null) {
                errors.required(FieldPath.of("spec.size"), "");
            } else {
                Checks.positive(w.spec().size(), FieldPath.of("spec.size"), errors);
            }
        }

        @Override
        public ResourceType<Widget> type() {
            return TYPE;
        }

        @Override
        public Widget withMetadata(ObjectMeta metadata) {
            return new Widget(metadata, spec, status);
        }

        @Override
        public Widget withStatus(WidgetStatus status) {
            return new Widget(metadata, spec, status);
        }
    }

    record WidgetSpec(Integer size, String color) {
    }

    record WidgetStatus(Integer built) {
    }

    private final ApiFixture f = new ApiFixture(b -> b.types(ApiFixture.types().with(Widget.TYPE))
            .defaulter(Widget.TYPE, w -> w.spec() != null && w.spec().color() == null
                    ? new Widget(w.metadata(), new WidgetSpec(w.spec().size(), "blue"), w.status()) : w));

    @AfterEach
    void close() {
        f.close();
    }

    private static Widget widget(int size) {
        return new Widget(ObjectMeta.named("w"), new WidgetSpec(size, null), new WidgetStatus(9));
    }

    @Test
    void createDefaultsValidatesAndDropsTheStatus() {
        Widget w = f.api.create(widget(2));
        assertThat(w.metadata().uid()).isNotNull();
        assertThat(w.metadata().namespace()).isEqualTo("default");
        assertThat(w.spec().color()).isEqualTo("blue");
        assertThat(w.status()).isNull();
        assertThatThrownBy(() -> f.api.create(new Widget(ObjectMeta.named("bad"), new WidgetSpec(0, null), null)))
                .isInstanceOf(ApiException.Invalid.class)
                .hasMessageContaining("Widget.example.com \"bad\" is invalid: spec.size");
    }

    @Test
    void generationAndStatusSubresource() {
        Widget w = f.api.create(widget(2));
        Widget status = f.api.updateStatus(w.withStatus(new WidgetStatus(2)));
        assertThat(status.metadata().generation()).isEqualTo(1L);
        Widget bigger = f.api.update(new Widget(status.metadata(), new WidgetSpec(3, "blue"), null));
        assertThat(bigger.metadata().generation()).isEqualTo(2L);
        assertThat(bigger.status()).isEqualTo(new WidgetStatus(2));
    }

    @Test
    void garbageCollectionOfDependents() {
        Widget w = f.api.create(widget(2));
        f.api.create(ConfigMap.named("part").ownerReference(OwnerReference.controlledBy(w)).build());
        f.api.delete(Widget.TYPE, "default", "w", DeleteOptions.foreground());
        f.settle();
        assertThat(f.names(ConfigMap.TYPE, "default")).isEmpty();
        assertThat(f.names(Widget.TYPE, "default")).isEmpty();
    }

    @Test
    void applyWorksOnCustomKinds() {
        f.api.apply(widget(2), "user");
        f.api.updateStatus(Widget.TYPE, "default", "w", x -> x.withStatus(new WidgetStatus(1)));
        Widget after = f.api.apply(widget(4), "user");
        assertThat(after.spec().size()).isEqualTo(4);
        assertThat(after.status()).isEqualTo(new WidgetStatus(1));
    }

    @Test
    void backgroundControllersRunByDefault() throws InterruptedException {
        try (InMemoryObjectStore store = InMemoryObjectStore.create();
             ApiServer api = ApiServer.builder().store(store).build()) {
            api.create(Namespace.named("tmp").build());
            api.create(ConfigMap.named("c").namespace("tmp").build());
            try (Watch<Namespace> watch = api.watch(Namespace.TYPE, WatchOptions.fromRevision(api.revision()))) {
                api.delete(Namespace.TYPE, null, "tmp");
                WatchEvent<Namespace> event;
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                do {
                    event = watch.poll(Duration.ofMillis(200));
                } while ((event == null || event.type() != WatchEvent.Type.DELETED) && System.nanoTime() < deadline);
                assertThat(event).isNotNull();
                assertThat(event.type()).isEqualTo(WatchEvent.Type.DELETED);
            }
            assertThat(api.get(ConfigMap.TYPE, "tmp", "c")).isEmpty();
        }
    }
}
