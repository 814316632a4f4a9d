package io.flotilla.core.apiserver.namespace;

import io.flotilla.api.core.Namespace;
import io.flotilla.api.core.NamespaceSpec;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.apiserver.DeleteOptions;
import io.flotilla.core.apiserver.internal.KeyLoop;
import io.flotilla.core.store.ListOptions;
import io.flotilla.core.store.Preconditions;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.store.WatchEvent;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes' namespace lifecycle controller: for every namespace being deleted ({@code Terminating}), deletes
 * everything in it (every namespaced kind the server serves, with Background propagation), waits until all of it
 * is gone (objects with finalizers or grace periods take their time), then removes the {@code kubernetes}
 * finalizer from {@code spec.finalizers}, upon which the API server deletes the namespace.
 *
 * <p>Level-triggered and idempotent. Run it in the background ({@link #start()}) or drive it synchronously in tests
 * ({@link #sync()}). Thread-safe.
 */
public final class NamespaceController implements AutoCloseable {
    private static final int MAX_SYNC_PASSES = 100;

    private final ApiServer api;
    private final KeyLoop loop;

    private NamespaceController(ApiServer api, Clock clock) {
        this.api = api;
        this.loop = new KeyLoop("namespace-controller", clock, this::process);
    }

    /** A controller over {@code api}, not yet running; retries are timed with the system clock. */
    public static NamespaceController create(ApiServer api) {
        return create(api, Clock.system());
    }

    /** A controller over {@code api}, not yet running; {@code clock} times retries of failed steps. */
    public static NamespaceController create(ApiServer api, Clock clock) {
        return new NamespaceController(Objects.requireNonNull(api, "api"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Starts watching namespaces (and deletions in every namespaced kind, to notice when a namespace is empty);
     * returns {@code this}.
     */
    public NamespaceController start() {
        loop.watch(api, Namespace.TYPE, event -> Set.of(event.object().metadata().name()));
        for (ResourceType<?> type : api.types().all()) {
            if (type.namespaced()) {
                watchDeletions(type);
            }
        }
        loop.start();
        return this;
    }

    private <T extends Resource> void watchDeletions(ResourceType<T> type) {
        loop.watch(api, type, event -> event.type() == WatchEvent.Type.DELETED
                ? Set.of(event.object().metadata().namespace()) : Set.of());
    }

    /**
     * Processes every terminating namespace synchronously until nothing is left to do.
     *
     * @return the number of passes that wrote something
     * @throws IllegalStateException if the namespaces do not settle within 100 passes
     */
    public int sync() {
        for (int pass = 0; pass < MAX_SYNC_PASSES; pass++) {
            long before = api.revision();
            for (Namespace ns : api.list(Namespace.TYPE, ListOptions.all()).items()) {
                process(ns.metadata().name());
            }
            if (api.revision() == before) {
                return pass;
            }
        }
        throw new IllegalStateException("namespaces did not settle within " + MAX_SYNC_PASSES + " passes");
    }

    /**
     * Waits until the background worker has processed one more namespace or the timeout passes.
     *
     * @return whether a namespace was processed
     * @throws InterruptedException if interrupted
     */
    public boolean awaitProgress(Duration timeout) throws InterruptedException {
        return loop.awaitProgress(timeout);
    }

    /** Stops the background work. Idempotent. */
    @Override
    public void close() {
        loop.close();
    }

    private void process(String name) {
        Optional<Namespace> found = api.get(Namespace.TYPE, null, name);
        if (found.isEmpty() || !found.get().metadata().isDeleting()) {
            return;
        }
        int remaining = 0;
        for (ResourceType<?> type : api.types().all()) {
            if (type.namespaced()) {
                remaining += deleteAll(type, name);
            }
        }
        if (remaining == 0 && found.get().spec().finalizers().contains(NamespaceSpec.KUBERNETES_FINALIZER)) {
            api.update(Namespace.TYPE, null, name, ns -> {
                List<String> left = ns.spec().finalizers().stream()
                        .filter(f -> !NamespaceSpec.KUBERNETES_FINALIZER.equals(f)).toList();
                return new Namespace(ns.metadata(), new NamespaceSpec(left), ns.status());
            });
        }
    }

    /** Deletes every object of {@code type} in the namespace; returns how many were still there. */
    private <T extends Resource> int deleteAll(ResourceType<T> type, String namespace) {
        List<T> items = api.list(type, ListOptions.inNamespace(namespace)).items();
        for (T item : items) {
            if (!item.metadata().isDeleting()) {
                try {
                    api.delete(type, namespace, item.metadata().name(),
                            DeleteOptions.background().withPreconditions(Preconditions.uid(item.metadata().uid())));
                } catch (StoreException.NotFound | StoreException.Conflict changed) {
                    // gone or replaced meanwhile; the next pass looks again
                }
            }
        }
        return items.size();
    }

    @Override
    public String toString() {
        return "NamespaceController[" + api + "]";
    }
}
