package io.flotilla.core.apiserver;

import io.flotilla.api.core.Namespace;
import io.flotilla.api.core.NamespaceStatus;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.store.ObjectStore;
import io.flotilla.core.store.Preconditions;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Deletion as kube-apiserver does it: an object held by finalizers (its own, or the {@code orphan} or
 * {@code foregroundDeletion} finalizer the propagation policy adds) or by a running grace period is only marked
 * ({@code deletionTimestamp}, {@code deletionGracePeriodSeconds}; a Namespace also turns {@code Terminating});
 * otherwise it leaves the store at once. A marked object leaves once an update removes its last finalizer and no
 * grace period runs ({@link #finishIfReleased}).
 *
 * <p>Graceful deletion applies to Pods bound to a node and not finished: they get
 * {@code deletionTimestamp = now + grace}, and the node agent deletes them again with grace 0 once their
 * containers stopped. Thread-safe: holds only thread-safe state.
 */
final class Deleter {
    /** Namespaces Kubernetes refuses to delete. */
    private static final Set<String> PROTECTED_NAMESPACES = Set.of("default", "kube-system", "kube-public");
    private static final long DEFAULT_POD_GRACE = 30;

    private final ObjectStore store;
    private final Clock clock;
    private final WritePipeline pipeline;

    Deleter(ObjectStore store, Clock clock, WritePipeline pipeline) {
        this.store = store;
        this.clock = clock;
        this.pipeline = pipeline;
    }

    /** Deletes or marks {@code stored} (the latest stored state). */
    <T extends Resource> T delete(ResourceType<T> type, T stored, DeleteOptions options, String user) {
        ObjectMeta m = stored.metadata();
        Preconditions pre = options.preconditions();
        if (pre.uid() != null && !pre.uid().equals(m.uid())) {
            // the store checks the precondition and throws its Conflict, naming both uids; nothing is deleted
            return store.delete(type, m.namespace(), m.name(), pre);
        }
        if (stored instanceof Namespace && PROTECTED_NAMESPACES.contains(m.name())) {
            throw new ApiException.Forbidden("namespaces", m.name(), "this namespace may not be deleted");
        }
        pipeline.admitDelete(type, stored, user);
        List<String> finalizers = finalizersFor(m.finalizers(), options.propagationPolicy());
        long grace = grace(stored, options);
        boolean held = !finalizers.isEmpty() || stored instanceof Namespace ns && !ns.spec().finalizers().isEmpty();
        if (!held && grace == 0) {
            return store.delete(type, m.namespace(), m.name(), pre);
        }
        ObjectMeta.Builder meta = m.toBuilder().finalizers(finalizers)
                .resourceVersion(pre.resourceVersion() != null ? pre.resourceVersion() : m.resourceVersion());
        Long running = m.deletionGracePeriodSeconds();
        if (!m.isDeleting() || running == null || grace < running) {
            Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
            meta.deletionTimestamp(now.plusSeconds(grace)).deletionGracePeriodSeconds(grace);
        }
        T marked = Meta.withMeta(type, stored, meta.build());
        if (marked instanceof Namespace ns) {
            marked = type.javaType().cast(ns.withStatus(new NamespaceStatus(NamespaceStatus.TERMINATING)));
        }
        return finishIfReleased(type, store.update(marked));
    }

    /**
     * Removes {@code written} from the store if it is being deleted and nothing holds it any more; else returns it.
     */
    <T extends Resource> T finishIfReleased(ResourceType<T> type, T written) {
        if (!Meta.released(written)) {
            return written;
        }
        ObjectMeta m = written.metadata();
        try {
            return store.delete(type, m.namespace(), m.name(), new Preconditions(m.uid(), m.resourceVersion()));
        } catch (StoreException.NotFound | StoreException.Conflict changed) {
            return written; // someone else deleted or changed it; whoever wrote last finishes the deletion
        }
    }

    /** The finalizers after a delete with {@code policy}: Orphan and Foreground add theirs, Background drops both. */
    private static List<String> finalizersFor(List<String> current, PropagationPolicy policy) {
        if (policy == null) {
            return current;
        }
        List<String> out = new ArrayList<>(current);
        out.remove(ApiServer.ORPHAN_FINALIZER);
        out.remove(ApiServer.FOREGROUND_DELETION_FINALIZER);
        switch (policy) {
            case ORPHAN -> out.add(ApiServer.ORPHAN_FINALIZER);
            case FOREGROUND -> out.add(ApiServer.FOREGROUND_DELETION_FINALIZER);
            case BACKGROUND -> { }
        }
        return List.copyOf(out);
    }

    /** The grace period: only Pods bound to a node and not finished get one. */
    private static long grace(Resource object, DeleteOptions options) {
        if (!(object instanceof Pod pod) || pod.spec() == null || Meta.isBlank(pod.spec().nodeName())) {
            return 0;
        }
        String phase = pod.status() == null ? null : pod.status().phase();
        if (PodStatus.SUCCEEDED.equals(phase) || PodStatus.FAILED.equals(phase)) {
            return 0;
        }
        if (options.gracePeriodSeconds() != null) {
            return options.gracePeriodSeconds();
        }
        Long spec = pod.spec().terminationGracePeriodSeconds();
        return spec == null ? DEFAULT_POD_GRACE : Math.max(0, spec);
    }
}
