package io.flotilla.core.apiserver;

import io.flotilla.api.ResourceTypes;
import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.batch.CronJob;
import io.flotilla.api.batch.Job;
import io.flotilla.api.apps.DaemonSet;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.apiserver.gc.GarbageCollector;
import io.flotilla.core.apiserver.namespace.NamespaceController;
import io.flotilla.core.store.InMemoryObjectStore;
import io.flotilla.core.store.ListOptions;
import io.flotilla.core.time.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** A store, a virtual clock and an API server whose controllers the test drives synchronously. */
final class ApiFixture implements AutoCloseable {
    final InMemoryObjectStore store = InMemoryObjectStore.create();
    final VirtualClock clock = VirtualClock.create();
    final ApiServer api;
    final GarbageCollector gc;
    final NamespaceController namespaces;

    ApiFixture() {
        this(b -> { });
    }

    ApiFixture(Consumer<ApiServerBuilder> configure) {
        ApiServerBuilder builder = ApiServer.builder().store(store).clock(clock).types(types())
                .random(new Random(42)).backgroundControllers(false);
        configure.accept(builder);
        api = builder.build();
        gc = GarbageCollector.create(api, clock);
        namespaces = NamespaceController.create(api, clock);
    }

    /** The built-in kinds plus the workload kinds, whether or not they are registered built-in yet. */
    static ResourceTypes types() {
        ResourceTypes types = ResourceTypes.builtIn();
        for (ResourceType<?> t : List.of(Deployment.TYPE, ReplicaSet.TYPE, StatefulSet.TYPE, DaemonSet.TYPE,
                Job.TYPE, CronJob.TYPE)) {
            if (types.find(t.apiVersion(), t.kind()).isEmpty()) {
                types = types.with(t);
            }
        }
        return types;
    }

    /** Runs the garbage collector and namespace controller until neither writes anything. */
    void settle() {
        for (int i = 0; i < 50; i++) {
            long before = api.revision();
            gc.sync();
            namespaces.sync();
            if (api.revision() == before) {
                return;
            }
        }
        throw new AssertionError("controllers did not settle");
    }

    /** Every stored object of every served kind, for "store unchanged" assertions. */
    List<Resource> everything() {
        List<Resource> all = new ArrayList<>();
        for (ResourceType<?> t : api.types().all()) {
            all.addAll(store.list(t, ListOptions.all()).items());
        }
        return all;
    }

    /** The names of the stored objects of a kind in a namespace. */
    List<String> names(ResourceType<?> type, String namespace) {
        return store.list(type, ListOptions.inNamespace(namespace)).items().stream()
                .map(r -> r.metadata().name()).toList();
    }

    @Override
    public void close() {
        api.close();
        gc.close();
        namespaces.close();
        store.close();
    }
}
