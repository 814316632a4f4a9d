package io.flotilla.core.store;

import io.flotilla.api.meta.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/*
 * Design notes: a consistent list without stopping writers (MVCC by roll-back). Read a revision R whose changes are
 * all in the tables, copy the tables (weakly consistent: each key shows its state at R or later), then read the log
 * from R + 1 onwards: every newer value the copy can contain has its change there. Undoing those changes newest
 * first, each key ends at the `previous` of its first change after R, which is its state at R. If the ring no longer
 * holds R + 1 the snapshot is Gone (an Exact list) or retried at a newer R; as a last resort the copy is taken under
 * the write lock.
 */
final class Snapshots {
    private static final int OPTIMISTIC_ATTEMPTS = 3;
    private static final Comparator<Resource> BY_KEY = Comparator
            .comparing((Resource r) -> r.metadata().namespace(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(r -> r.metadata().name());

    private record Key(String namespace, String name) {
        static Key of(Resource r) {
            return new Key(r.metadata().namespace(), r.metadata().name());
        }
    }

    private final EventLog log;
    private final WriteLock writeLock;

    Snapshots(EventLog log, WriteLock writeLock) {
        this.log = log;
        this.writeLock = writeLock;
    }

    /**
     * The objects of {@code table} in {@code namespace} (all for {@code null}) matching {@code matcher} (all for
     * {@code null}) as of {@code revision}, or as of the latest revision for {@code -1}; sorted by key.
     *
     * @throws StoreException.Gone if {@code revision} is no longer in the history
     */
    ListResult<Resource> at(TypeTable table, String namespace, Predicate<Resource> matcher, long revision) {
        for (int attempt = 0; attempt < OPTIMISTIC_ATTEMPTS || revision >= 0; attempt++) {
            long at = revision >= 0 ? revision : log.head();
            if (at < log.head() && at + 1 < log.oldestRetained()) {
                throw new StoreException.Gone(at, log.oldestRetained());
            }
            List<Resource> copy = table.collect(namespace);
            List<Change> later = changesAfter(at, table, namespace);
            if (later != null) {
                return finish(rollBack(copy, later), matcher, at);
            }
            if (revision >= 0) {
                throw new StoreException.Gone(at, log.oldestRetained());
            }
        }
        writeLock.lock();
        try {
            long at = log.head();
            return finish(table.collect(namespace), matcher, at);
        } finally {
            writeLock.unlock();
        }
    }

    /** The changes of this table after {@code revision} up to the log's end, or {@code null} if lapped. */
    private List<Change> changesAfter(long revision, TypeTable table, String namespace) {
        List<Change> later = new ArrayList<>();
        for (long next = revision + 1; ; next++) {
            Change change = log.at(next);
            if (change == null || change.revision() < next) {
                return later;
            }
            if (change.revision() > next) {
                return null;
            }
            if (change.table() == table
                    && (namespace == null || namespace.equals(change.object().metadata().namespace()))) {
                later.add(change);
            }
        }
    }

    private static List<Resource> rollBack(List<Resource> copy, List<Change> later) {
        if (later.isEmpty()) {
            return copy;
        }
        Map<Key, Resource> state = new HashMap<>(copy.size() * 2);
        for (Resource r : copy) {
            state.put(Key.of(r), r);
        }
        for (int i = later.size() - 1; i >= 0; i--) {
            Change change = later.get(i);
            Key key = Key.of(change.object());
            if (change.previous() == null) {
                state.remove(key);
            } else {
                state.put(key, change.previous());
            }
        }
        return new ArrayList<>(state.values());
    }

    private static ListResult<Resource> finish(List<Resource> objects, Predicate<Resource> matcher, long revision) {
        List<Resource> out = matcher == null ? objects : objects.stream().filter(matcher).toList();
        List<Resource> sorted = new ArrayList<>(out);
        sorted.sort(BY_KEY);
        return new ListResult<>(sorted, revision);
    }

    /**
     * A list's resourceVersion as a revision, {@code 0} when unset.
     *
     * @throws IllegalArgumentException if it is not a non-negative integer
     */
    static long revisionOf(String resourceVersion) {
        if (resourceVersion == null || resourceVersion.isEmpty()) {
            return 0;
        }
        try {
            long revision = Long.parseLong(resourceVersion);
            if (revision < 0) {
                throw new NumberFormatException();
            }
            return revision;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid resourceVersion \"" + resourceVersion + "\": not a"
                    + " non-negative integer", e);
        }
    }
}
