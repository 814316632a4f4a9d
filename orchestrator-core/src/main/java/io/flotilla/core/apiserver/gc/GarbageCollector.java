package io.flotilla.core.apiserver.gc;

import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.apiserver.DeleteOptions;
import io.flotilla.core.apiserver.gc.OwnerGraph.Node;
import io.flotilla.core.apiserver.internal.KeyLoop;
import io.flotilla.core.store.ListOptions;
import io.flotilla.core.store.Preconditions;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.store.WatchEvent;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes' garbage collector over an {@link ApiServer}: keeps an owner → dependents graph of every served kind
 * by uid and
 * <ul>
 *   <li>deletes an object once none of its owners exists any more (the owner is absent, or has another uid: a
 *       dangling reference) — the second half of Background deletion;</li>
 *   <li>for an owner being deleted with the {@code foregroundDeletion} finalizer, deletes its dependents (those
 *       that have dependents of their own in Foreground too, so chains unwind bottom-up) and removes the
 *       finalizer once no dependent with {@code blockOwnerDeletion} is left;</li>
 *   <li>for an owner being deleted with the {@code orphan} finalizer, removes the reference to it from every
 *       dependent, then the finalizer;</li>
 *   <li>removes references to absent or foreground-deleting owners from an object that still has a live owner.</li>
 * </ul>
 * Objects with finalizers of their own are only marked by these deletions and hold their owners' Foreground
 * deletion until their finalizers are removed, as in Kubernetes. Owners of kinds the server does not serve are
 * never treated as absent.
 *
 * <p>Every decision re-reads the objects it is about, so processing is level-triggered and idempotent. Run it in
 * the background ({@link #start()}: watches every kind, one worker thread) or drive it synchronously in tests
 * ({@link #sync()}). Thread-safe.
 */
public final class GarbageCollector implements AutoCloseable {
    private static final int MAX_SYNC_PASSES = 100;

    private final ApiServer api;
    private final OwnerGraph graph = new OwnerGraph();
    private final KeyLoop loop;

    private GarbageCollector(ApiServer api, Clock clock) {
        this.api = api;
        this.loop = new KeyLoop("garbage-collector", clock, this::process);
    }

    /** A collector over {@code api}, not yet running; retries are timed with the system clock. */
    public static GarbageCollector create(ApiServer api) {
        return create(api, Clock.system());
    }

    /** A collector over {@code api}, not yet running; {@code clock} times retries of failed steps. */
    public static GarbageCollector create(ApiServer api, Clock clock) {
        return new GarbageCollector(Objects.requireNonNull(api, "api"), Objects.requireNonNull(clock, "clock"));
    }

    /** Starts watching every served kind and collecting in the background; returns {@code this}. */
    public GarbageCollector start() {
        for (ResourceType<?> type : api.types().all()) {
            watch(type);
        }
        loop.start();
        return this;
    }

    private <T extends Resource> void watch(ResourceType<T> type) {
        loop.watch(api, type, event -> keys(event));
    }

    /** The uids to process after one event. */
    private <T extends Resource> Set<String> keys(WatchEvent<T> event) {
        Resource object = event.object();
        String uid = object.metadata().uid();
        Set<String> keys = new LinkedHashSet<>();
        if (event.type() == WatchEvent.Type.DELETED) {
            Node gone = graph.remove(uid);
            graph.dependents(uid).forEach(n -> keys.add(n.uid()));
            if (gone != null) {
                gone.owners().forEach(ref -> keys.add(ref.uid()));
            }
            return keys;
        }
        keys.addAll(graph.put(object));
        ObjectMeta meta = object.metadata();
        if (meta.isDeleting() || !meta.ownerReferences().isEmpty()) {
            keys.add(uid);
        }
        if (meta.isDeleting()) {
            graph.dependents(uid).forEach(n -> keys.add(n.uid()));
        }
        return keys;
    }

    /**
     * Collects synchronously until nothing is left to do: each pass lists every served kind, rebuilds the graph
     * and processes every object; it stops after a pass that wrote nothing.
     *
     * @return the number of passes that wrote something
     * @throws IllegalStateException if the objects do not settle within 100 passes (a cycle of writers)
     */
    public int sync() {
        for (int pass = 0; pass < MAX_SYNC_PASSES; pass++) {
            long before = api.revision();
            graph.clear();
            for (ResourceType<?> type : api.types().all()) {
                api.list(type, ListOptions.all()).items().forEach(graph::put);
            }
            for (String uid : graph.uids()) {
                try {
                    process(uid);
                } catch (StoreException.Conflict | StoreException.NotFound changed) {
                    // the next pass sees the new state
                }
            }
            if (api.revision() == before) {
                return pass;
            }
        }
        throw new IllegalStateException("garbage collection did not settle within " + MAX_SYNC_PASSES + " passes");
    }

    /**
     * Waits until the background worker has processed one more object or the timeout passes; tests re-check their
     * condition after each call.
     *
     * @return whether an object was processed
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

    // ---- one object

    private void process(String uid) {
        Node node = graph.node(uid);
        if (node != null) {
            process(node);
        }
    }

    private void process(Node node) {
        Optional<? extends Resource> found = api.get(node.type(), node.namespace(), node.name());
        if (found.isEmpty() || !node.uid().equals(found.get().metadata().uid())) {
            return;
        }
        Resource object = found.get();
        ObjectMeta meta = object.metadata();
        if (meta.isDeleting()) {
            if (meta.finalizers().contains(ApiServer.ORPHAN_FINALIZER)) {
                orphanDependents(object);
            } else if (meta.finalizers().contains(ApiServer.FOREGROUND_DELETION_FINALIZER)) {
                deleteDependents(object);
            }
            return;
        }
        if (!meta.ownerReferences().isEmpty()) {
            attemptToDelete(object);
        }
    }

    /** Orphan: drop the reference to {@code owner} from every dependent, then the {@code orphan} finalizer. */
    private void orphanDependents(Resource owner) {
        String ownerUid = owner.metadata().uid();
        for (Node node : graph.dependents(ownerUid)) {
            api.get(node.type(), node.namespace(), node.name())
                    .ifPresent(dependent -> Edits.dropOwners(api, dependent, Set.of(ownerUid)));
        }
        Edits.dropFinalizer(api, owner, ApiServer.ORPHAN_FINALIZER);
    }

    /** Foreground: delete the dependents; once none that blocks is left, drop the finalizer. */
    private void deleteDependents(Resource owner) {
        String ownerUid = owner.metadata().uid();
        boolean blocked = false;
        for (Node node : graph.dependents(ownerUid)) {
            Optional<? extends Resource> found = api.get(node.type(), node.namespace(), node.name());
            if (found.isEmpty() || !node.uid().equals(found.get().metadata().uid())) {
                continue;
            }
            Resource dependent = found.get();
            Optional<OwnerReference> ref = dependent.metadata().ownerReferences().stream()
                    .filter(r -> ownerUid.equals(r.uid())).findFirst();
            if (ref.isEmpty()) {
                continue;
            }
            blocked |= Boolean.TRUE.equals(ref.get().blockOwnerDeletion());
            if (!dependent.metadata().isDeleting()) {
                attemptToDelete(dependent);
            }
        }
        if (!blocked) {
            Edits.dropFinalizer(api, owner, ApiServer.FOREGROUND_DELETION_FINALIZER);
        }
    }

    /** Deletes {@code object} if it has no live owner left, as Kubernetes' {@code attemptToDeleteItem}. */
    private void attemptToDelete(Resource object) {
        List<String> dangling = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        boolean solid = false;
        for (OwnerReference ref : object.metadata().ownerReferences()) {
            switch (Owners.classify(api, object, ref)) {
                case SOLID -> solid = true;
                case DANGLING -> dangling.add(ref.uid());
                case WAITING -> waiting.add(ref.uid());
            }
        }
        if (solid) {
            if (!dangling.isEmpty() || !waiting.isEmpty()) {
                Set<String> drop = new LinkedHashSet<>(dangling);
                drop.addAll(waiting);
                Edits.dropOwners(api, object, drop);
            }
            return;
        }
        ObjectMeta meta = object.metadata();
        DeleteOptions options = DeleteOptions.defaults().withPreconditions(Preconditions.uid(meta.uid()));
        if (!waiting.isEmpty() && !graph.dependents(meta.uid()).isEmpty()) {
            options = DeleteOptions.foreground().withPreconditions(Preconditions.uid(meta.uid()));
        }
        api.delete(object.type(), meta.namespace(), meta.name(), options);
    }

    @Override
    public String toString() {
        return "GarbageCollector[" + api + "]";
    }
}
