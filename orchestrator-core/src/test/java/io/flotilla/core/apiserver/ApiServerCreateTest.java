package io.flotilla.core.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.DeploymentStatus;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Namespace;
import io.flotilla.api.core.NamespaceStatus;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.core.store.ListOptions;
import io.flotilla.core.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiServerCreateTest {
    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void startsWithTheSystemNamespacesActive() {
        assertThat(f.store.list(Namespace.TYPE, ListOptions.all()).items())
                .extracting(n -> n.metadata().name())
                .containsExactlyInAnyOrder("default", "kube-system", "kube-public", "kube-node-lease");
        Namespace ns = f.api.get(Namespace.TYPE, null, "default").orElseThrow();
        assertThat(ns.status().phase()).isEqualTo(NamespaceStatus.ACTIVE);
        assertThat(ns.spec().finalizers()).containsExactly("kubernetes");
    }

    @Test
    void createSetsServerMetadataAndClearsClientSetFields() {
        f.clock.advance(Duration.ofMillis(1500));
        ConfigMap sent = ConfigMap.named("site").data("a", "b").build();
        sent = sent.withMetadata(sent.metadata().toBuilder().resourceVersion("999").uid("mine").generation(7L)
                .deletionTimestamp(Instant.EPOCH).deletionGracePeriodSeconds(3L).build());

        ConfigMap stored = f.api.create(sent);

        ObjectMeta m = stored.metadata();
        assertThat(m.namespace()).isEqualTo("default");
        assertThat(m.uid()).isNotEqualTo("mine")
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(m.creationTimestamp()).isEqualTo(Instant.parse("2025-01-01T00:00:01Z"));
        assertThat(m.generation()).isEqualTo(1L);
        assertThat(m.resourceVersion()).isEqualTo(Long.toString(f.store.revision()));
        assertThat(m.deletionTimestamp()).isNull();
        assertThat(m.deletionGracePeriodSeconds()).isNull();
        assertThat(f.api.get(ConfigMap.TYPE, "default", "site")).contains(stored);
    }

    @Test
    void generateNameAddsFiveCharactersFromKubernetesAlphabet() {
        ConfigMap a = f.api.create(ConfigMap.named(null).generateName("web-").build());
        ConfigMap b = f.api.create(ConfigMap.named(null).generateName("web-").build());

        assertThat(a.metadata().name()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}");
        assertThat(b.metadata().name()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}")
                .isNotEqualTo(a.metadata().name());
        assertThat(a.metadata().generateName()).isEqualTo("web-");
    }

    @Test
    void generateNameRetriesOnAClash() {
        Rigged random = new Rigged();
        try (ApiFixture rigged = new ApiFixture(b -> b.random(random))) {
            rigged.api.create(ConfigMap.named("x-bbbbb").build());
            random.zeros = 5; // the next generated suffix is "bbbbb", which exists
            ConfigMap created = rigged.api.create(ConfigMap.named(null).generateName("x-").build());
            assertThat(created.metadata().name()).matches("x-[bcdfghjklmnpqrstvwxz2456789]{5}")
                    .isNotEqualTo("x-bbbbb");
            assertThat(random.zeros).isZero();
        }
    }

    /** Random numbers, except that the next {@code zeros} draws are 0. */
    private static final class Rigged implements RandomGenerator {
        volatile int zeros;

        @Override
        public long nextLong() {
            if (zeros > 0) {
                zeros--;
                return 0;
            }
            return ThreadLocalRandom.current().nextLong();
        }
    }

    @Test
    void createDropsTheStatusButPodsStartPending() {
        Deployment d = Deployment.named("web").container("c", c -> c.image("nginx:1.27")).build()
                .withStatus(new DeploymentStatus(5L, 3, 3, 3, 3, 0, List.of(), null));
        assertThat(f.api.create(d).status()).isNull();

        Pod pod = Pod.named("p").container("c", c -> c.image("nginx:1.27")).build()
                .withStatus(PodStatus.of(PodStatus.RUNNING));
        assertThat(f.api.create(pod).status().phase()).isEqualTo(PodStatus.PENDING);
    }

    @Test
    void createInAMissingNamespaceIsNotFoundNamingIt() {
        long revision = f.store.revision();
        assertThatThrownBy(() -> f.api.create(ConfigMap.named("c").namespace("nope").build()))
                .isInstanceOf(StoreException.NotFound.class)
                .hasMessage("namespaces \"nope\" not found");
        assertThat(f.store.revision()).isEqualTo(revision);
    }

    @Test
    void createInATerminatingNamespaceIsForbidden() {
        f.api.create(Namespace.named("shop").build());
        f.api.create(ConfigMap.named("keep").namespace("shop").finalizer("example.com/hold").build());
        f.api.delete(Namespace.TYPE, null, "shop");
        f.settle();
        long revision = f.store.revision();

        assertThatThrownBy(() -> f.api.create(ConfigMap.named("c").namespace("shop").build()))
                .isInstanceOf(ApiException.Forbidden.class)
                .hasMessage("configmaps \"c\" is forbidden: unable to create new content in namespace shop because"
                        + " it is being terminated");
        assertThat(f.store.revision()).isEqualTo(revision);
    }

    @Test
    void clusterScopedKindsLoseAClientNamespace() {
        Namespace ns = f.api.create(Namespace.named("team").namespace("default").build());
        assertThat(ns.metadata().namespace()).isNull();
    }

    @Test
    void createOfAnExistingNameIsAlreadyExists() {
        f.api.create(ConfigMap.named("c").build());
        assertThatThrownBy(() -> f.api.create(ConfigMap.named("c").build()))
                .isInstanceOf(StoreException.AlreadyExists.class)
                .hasMessage("configmaps \"c\" already exists");
    }
}
