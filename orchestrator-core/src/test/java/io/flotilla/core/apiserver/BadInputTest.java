package io.flotilla.core.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.api.validation.ValidationErrors;
import io.flotilla.core.store.ListOptions;
import io.flotilla.core.store.StoreException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every API call with an invalid object, a wrong kind, a missing namespace or a stale resourceVersion returns a
 * typed error naming the problem, and the store is unchanged afterwards.
 */
class BadInputTest {
    /** A kind the server does not serve. */
    record Widget(ObjectMeta metadata) implements Resource {
        static final ResourceType<Widget> TYPE = new ResourceType<>(Widget.class, "example.com/v1", "Widget",
                "widgets", true, (Widget w, ValidationErrors e) -> { });

        @Override
        public ResourceType<?> type() {
            return TYPE;
        }

        @Override
        public Widget withMetadata(ObjectMeta metadata) {
            return new Widget(metadata);
        }
    }

    private final ApiFixture f = new ApiFixture();
    private Deployment web;
    private long revision;
    private List<Resource> contents;

    @BeforeEach
    void seed() {
        web = f.api.create(Deployment.named("web").container("c", c -> c.image("nginx:1.27")).build());
        f.api.update(web.withMetadata(web.metadata().withLabel("v", "2")));
        revision = f.store.revision();
        contents = f.everything();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void unchangedAfter(Executable call, Class<? extends RuntimeException> error, String... words) {
        Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(error, call);
        for (String word : words) {
            assertThat(thrown).hasMessageContaining(word);
        }
        assertThat(f.store.revision()).isEqualTo(revision);
        assertThat(f.everything()).isEqualTo(contents);
    }

    @Test
    void invalidObjects() {
        Deployment bad = Deployment.named("web2").replicas(-1).container("c", c -> c.image("nginx:1.27")).build();
        unchangedAfter(() -> f.api.create(bad), ApiException.Invalid.class,
                "Deployment.apps \"web2\" is invalid", "spec.replicas");
        unchangedAfter(() -> f.api.create(ConfigMap.named("Bad_Name").build()), ApiException.Invalid.class,
                "metadata.name");
        unchangedAfter(() -> f.api.update(web.withSpec(web.spec().withReplicas(-3))), ApiException.Invalid.class,
                "spec.replicas");
        unchangedAfter(() -> f.api.apply(bad, "u"), ApiException.Invalid.class, "spec.replicas");
        unchangedAfter(() -> f.api.create(Pod.named("p").build()), ApiException.Invalid.class,
                "Pod \"p\" is invalid", "spec.containers");
    }

    @Test
    void invalidErrorsCarryEveryFieldPath() {
        Deployment bad = Deployment.named("web2").replicas(-1).minReadySeconds(-1)
                .container("c", c -> c.image("nginx:1.27")).build();
        assertThatThrownBy(() -> f.api.create(bad)).isInstanceOfSatisfying(ApiException.Invalid.class,
                e -> assertThat(e.paths()).contains("spec.replicas", "spec.minReadySeconds"));
    }

    @Test
    void wrongKind() {
        Widget widget = new Widget(ObjectMeta.named("w"));
        unchangedAfter(() -> f.api.create(widget), ApiException.Invalid.class,
                "kind: Unsupported value: \"Widget\"");
        unchangedAfter(() -> f.api.update(widget), ApiException.Invalid.class, "Widget");
        unchangedAfter(() -> f.api.get(Widget.TYPE, "default", "w"), ApiException.Invalid.class, "Widget");
        unchangedAfter(() -> f.api.list(Widget.TYPE, ListOptions.all()), ApiException.Invalid.class, "Widget");
        unchangedAfter(() -> f.api.delete(Widget.TYPE, "default", "w"), ApiException.Invalid.class, "Widget");
        unchangedAfter(() -> f.api.apply(widget, "u"), ApiException.Invalid.class, "Widget");
    }

    @Test
    void missingNamespace() {
        unchangedAfter(() -> f.api.create(ConfigMap.named("c").namespace("nowhere").build()),
                StoreException.NotFound.class, "namespaces \"nowhere\" not found");
        unchangedAfter(() -> f.api.apply(ConfigMap.named("c").namespace("nowhere").build(), "u"),
                StoreException.NotFound.class, "namespaces \"nowhere\" not found");
        unchangedAfter(() -> f.api.update(web.withMetadata(web.metadata().withNamespace("nowhere"))),
                StoreException.NotFound.class, "deployments.apps \"web\" not found");
        unchangedAfter(() -> f.api.delete(Deployment.TYPE, "nowhere", "web"),
                StoreException.NotFound.class, "deployments.apps \"web\" not found");
    }

    @Test
    void staleResourceVersion() {
        unchangedAfter(() -> f.api.update(web.withSpec(web.spec().withReplicas(4))), StoreException.Conflict.class,
                "Operation cannot be fulfilled on deployments.apps \"web\"");
        unchangedAfter(() -> f.api.updateStatus(web), StoreException.Conflict.class, "deployments.apps \"web\"");
        unchangedAfter(() -> f.api.delete(Deployment.TYPE, "default", "web", DeleteOptions.defaults()
                .withPreconditions(io.flotilla.core.store.Preconditions.resourceVersion(
                        web.metadata().resourceVersion()))), StoreException.Conflict.class, "deployments.apps \"web\"");
    }

    @Test
    void missingObjects() {
        unchangedAfter(() -> f.api.update(ConfigMap.named("ghost").build()), StoreException.NotFound.class,
                "configmaps \"ghost\" not found");
        unchangedAfter(() -> f.api.updateStatus(Deployment.TYPE, "default", "ghost", d -> d),
                StoreException.NotFound.class, "deployments.apps \"ghost\" not found");
        unchangedAfter(() -> f.api.update(ConfigMap.named(null).build()), ApiException.Invalid.class,
                "metadata.name");
    }
}
