package io.flotilla.core.client.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Secret;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.controller.Controller;
import io.flotilla.core.controller.ControllerManager;
import io.flotilla.core.store.InMemoryObjectStore;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedInformerFactoryTest {
    private final InMemoryObjectStore store = InMemoryObjectStore.create();
    private final VirtualClock clock = VirtualClock.create();
    private final SharedInformerFactory factory = SharedInformerFactory.builder(store).clock(clock).build();

    @AfterEach
    void tearDown() {
        factory.close();
        store.close();
    }

    @Test
    void sharesOneInformerPerKind() throws Exception {
        SharedInformer<ConfigMap> first = factory.informerFor(ConfigMap.TYPE);
        assertThat(factory.informerFor(ConfigMap.TYPE)).isSameAs(first);
        assertThat(factory.informerFor(Secret.TYPE)).isNotSameAs(first);
        RecordingHandler<ConfigMap> a = new RecordingHandler<>();
        RecordingHandler<ConfigMap> b = new RecordingHandler<>();
        factory.addHandler(ConfigMap.TYPE, a);
        factory.addHandler(ConfigMap.TYPE, b);
        factory.start();
        assertThat(factory.waitForCacheSync(Duration.ofSeconds(10))).isTrue();
        ConfigMap cm = store.create(ConfigMap.named("x").namespace("shop").build());
        long rv = Long.parseLong(cm.metadata().resourceVersion());
        assertThat(a.awaitRevision(rv)).isEqualTo(b.awaitRevision(rv));
        assertThat(factory.lister(ConfigMap.TYPE).list()).containsExactly(cm);
    }

    @Test
    void informersCanReadThroughTheApiServer() throws Exception {
        try (ApiServer api = ApiServer.builder().store(store).clock(clock).backgroundControllers(false).build();
             SharedInformerFactory overApi = SharedInformerFactory.builder(api).clock(clock).build()) {
            ConfigMap created = api.create(ConfigMap.named("x").namespace("default").build());
            overApi.start();
            Lister<ConfigMap> lister = overApi.lister(ConfigMap.TYPE);
            assertThat(overApi.waitForCacheSync(Duration.ofSeconds(10))).isTrue();
            assertThat(lister.get("default", "x")).contains(created);
        }
    }

    @Test
    void syncedStartsTheKindAndFailsOnceClosed() throws Exception {
        factory.synced(ConfigMap.TYPE).toCompletableFuture().get(10, TimeUnit.SECONDS);
        factory.close();
        assertThat(factory.synced(Secret.TYPE).toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void feedsAControllerManagerEndToEnd() throws Exception {
        store.create(ConfigMap.named("before").namespace("shop").build());
        Map<Request, Integer> reconciles = new ConcurrentHashMap<>();
        CountDownLatch seen = new CountDownLatch(3);
        try (ControllerManager manager = ControllerManager.builder().eventSource(factory).clock(clock).build()) {
            Controller controller = manager.controller("configmaps").forType(ConfigMap.TYPE).reconciler(request -> {
                reconciles.merge(request, 1, Integer::sum);
                seen.countDown();
                return Result.done();
            });
            manager.start();
            controller.started().toCompletableFuture().get(10, TimeUnit.SECONDS);
            store.create(ConfigMap.named("a").namespace("shop").build());
            store.create(ConfigMap.named("b").namespace("other").build());
            assertThat(seen.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(controller.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(reconciles).containsOnlyKeys(Request.of("shop", "before"), Request.of("shop", "a"),
                Request.of("other", "b"));
    }
}
