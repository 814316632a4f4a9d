package io.flotilla.core.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Namespace;
import io.flotilla.api.core.NamespaceStatus;
import io.flotilla.api.core.Pod;
import io.flotilla.core.apiserver.namespace.NamespaceController;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NamespaceLifecycleTest {
    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private void shopWithContent() {
        f.api.create(Namespace.named("shop").build());
        f.api.create(ConfigMap.named("a").namespace("shop").build());
        f.api.create(Pod.named("p").namespace("shop").container("c", c -> c.image("nginx:1.27")).build());
        f.api.create(Deployment.named("web").namespace("shop").container("c", c -> c.image("nginx:1.27")).build());
        f.api.create(ConfigMap.named("elsewhere").build());
    }

    @Test
    void deletingANamespaceMarksItTerminating() {
        shopWithContent();
        Namespace marked = f.api.delete(Namespace.TYPE, null, "shop");
        assertThat(marked.metadata().isDeleting()).isTrue();
        assertThat(marked.status().phase()).isEqualTo(NamespaceStatus.TERMINATING);
        assertThat(marked.spec().finalizers()).containsExactly("kubernetes");
        assertThat(f.names(ConfigMap.TYPE, "shop")).containsExactly("a");
    }

    @Test
    void theControllerDeletesTheContentsThenTheNamespace() {
        shopWithContent();
        f.api.delete(Namespace.TYPE, null, "shop");
        f.settle();
        assertThat(f.api.get(Namespace.TYPE, null, "shop")).isEmpty();
        assertThat(f.names(ConfigMap.TYPE, "shop")).isEmpty();
        assertThat(f.names(Pod.TYPE, "shop")).isEmpty();
        assertThat(f.names(Deployment.TYPE, "shop")).isEmpty();
        assertThat(f.names(ConfigMap.TYPE, "default")).containsExactly("elsewhere");
    }

    @Test
    void contentWithFinalizersHoldsTheNamespace() {
        shopWithContent();
        f.api.create(ConfigMap.named("held").namespace("shop").finalizer("example.com/hold").build());
        f.api.delete(Namespace.TYPE, null, "shop");
        f.settle();
        assertThat(f.api.get(Namespace.TYPE, null, "shop")).isPresent();
        assertThat(f.names(ConfigMap.TYPE, "shop")).containsExactly("held");

        ConfigMap held = f.api.get(ConfigMap.TYPE, "shop", "held").orElseThrow();
        f.api.update(held.withMetadata(held.metadata().toBuilder().finalizers(List.of()).build()));
        f.settle();
        assertThat(f.api.get(Namespace.TYPE, null, "shop")).isEmpty();
    }

    @Test
    void aNamespaceCanBeCreatedAgainOnceGone() {
        shopWithContent();
        f.api.delete(Namespace.TYPE, null, "shop");
        f.settle();
        f.api.create(Namespace.named("shop").build());
        assertThat(f.api.create(ConfigMap.named("a").namespace("shop").build()).metadata().namespace())
                .isEqualTo("shop");
    }

    @Test
    void runsInTheBackground() throws InterruptedException {
        shopWithContent();
        try (NamespaceController controller = NamespaceController.create(f.api, f.clock).start()) {
            f.api.delete(Namespace.TYPE, null, "shop");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (f.api.get(Namespace.TYPE, null, "shop").isPresent() && System.nanoTime() < deadline) {
                controller.awaitProgress(Duration.ofMillis(100));
            }
        }
        assertThat(f.api.get(Namespace.TYPE, null, "shop")).isEmpty();
        assertThat(f.names(ConfigMap.TYPE, "shop")).isEmpty();
    }
}
