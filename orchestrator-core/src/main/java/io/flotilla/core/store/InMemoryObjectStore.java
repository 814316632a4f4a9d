package io.flotilla.core.store;

import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.store.StoreMetrics.Verb;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/*
 * Design notes.
 *
 * State: per kind a TypeTable (namespace -> name -> the immutable record, stored as given apart from its
 * resourceVersion), plus one EventLog: a bounded ring of the latest changes, indexed by revision.
 *
 * Writes: one short critical section under a single lock: read the current value, check it (exists, resourceVersion,
 * uid), stamp the next revision, append the change to the ring, put it in the table, publish the revision. Holding
 * one lock across "check + revision + table" is what makes single-object operations linearizable and the log a gap-
 * free total order that matches the tables, and it lets lists take consistent snapshots without stopping writers
 * (see Snapshots). The section holds no allocation but the stamped copy and the change, and no I/O, callbacks,
 * selector matching or metrics: those happen outside, so its ceiling is millions of writes per second, well above
 * what the rest of a control plane produces; the lock spins briefly before parking (WriteLock) because the section
 * is shorter than a park/unpark. Splitting it (per-key locks plus a revision sequencer) would let revisions be
 * published out of order and force readers to wait for gaps to fill. A no-op update is detected outside the lock
 * against the value read before it, and re-checked inside only if that value changed meanwhile.
 *
 * Reads: get is a lock-free table lookup (linearizable: a write's table put happens inside the lock, before its
 * revision is published). Lists roll back from the log to a consistent revision.
 *
 * Watches: each watch is a cursor into the shared ring, read on the consumer's thread (push listeners get a virtual
 * thread each), so writers never wait for, copy to or allocate for watchers; a writer's only watch cost is a
 * volatile read and, when some watcher sleeps, one unpark of the Notifier per wake-up cycle. A watcher that falls
 * behind by more than its backlog limit (at most the ring's size) gets a terminal Gone and must relist.
 */

/**
 * The in-memory {@link ObjectStore}: an MVCC-style store with one store-wide revision, Kubernetes list semantics
 * and watches served from a bounded history of recent changes (like etcd with compaction).
 *
 * <pre>{@code
 * try (InMemoryObjectStore store = InMemoryObjectStore.builder()
 *         .historySize(100_000)
 *         .field(Pod.TYPE, "spec.nodeName", pod -> pod.spec().nodeName())
 *         .meterRegistry(registry)
 *         .build()) {
 *     ConfigMap stored = store.create(configMap);
 *     ListResult<ConfigMap> list = store.list(ConfigMap.TYPE, ListOptions.inNamespace("default"));
 *     Watch<ConfigMap> watch = store.watch(ConfigMap.TYPE, WatchOptions.fromRevision(list.revision()));
 * }
 * }</pre>
 *
 * <p>Thread-safe: every method may be called from any thread. Writers never wait for watchers. Memory is the stored
 * records plus one map node each, plus the history ring.
 */
public final class InMemoryObjectStore implements ObjectStore, AutoCloseable {
    /** The default number of changes kept for resuming watches and exact lists. */
    public static final int DEFAULT_HISTORY_SIZE = 65_536;

    private final WriteLock writeLock = new WriteLock();
    private final EventLog log;
    private final Snapshots snapshots;
    private final StoreMetrics metrics;
    private final Map<ResourceType<?>, Map<String, Function<Resource, String>>> fields;
    private final ConcurrentHashMap<Class<?>, TypeTable> tables = new ConcurrentHashMap<>();
    private final Watches watches;

    private InMemoryObjectStore(Builder builder) {
        this.log = new EventLog(builder.historySize);
        this.snapshots = new Snapshots(log, writeLock);
        this.metrics = new StoreMetrics(builder.registry);
        this.fields = Map.copyOf(builder.fields);
        this.watches = new Watches(log, snapshots, metrics);
        metrics.gauges(this, InMemoryObjectStore::revision, s -> s.watches.count(), s -> s.watches.maxBacklog());
    }

    /** A store with the default history size, no extra fields and no metrics. */
    public static InMemoryObjectStore create() {
        return builder().build();
    }

    /** A builder of a store. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public long revision() {
        return log.head();
    }

    /** The number of changes retained for resuming watches and exact lists (a power of two). */
    public int historySize() {
        return log.capacity();
    }

    // ---- writes

    @Override
    public <T extends Resource> T create(T object) {
        TypeTable table = table(object.type());
        String namespace = table.namespaceOf(object.metadata());
        String name = TypeTable.nameOf(object);
        long start = metrics.start();
        try {
            Resource stored;
            writeLock.lock();
            try {
                if (table.get(namespace, name) != null) {
                    throw new StoreException.AlreadyExists(table.type, name);
                }
                long revision = log.head() + 1;
                stored = stamp(object, revision);
                commit(new Change(revision, WatchEvent.Type.ADDED, table, stored, null), namespace, name, stored);
            } finally {
                writeLock.unlock();
            }
            watches.signal();
            return cast(object, stored);
        } catch (StoreException e) {
            metrics.error(table.meters, Verb.CREATE, e);
            throw e;
        } finally {
            metrics.record(table.meters, Verb.CREATE, start);
        }
    }

    @Override
    public <T extends Resource> T update(T object) {
        String expected = object.metadata().resourceVersion();
        return write(object, expected == null || expected.isEmpty() ? null : expected);
    }

    @Override
    public <T extends Resource> T update(ResourceType<T> type, String namespace, String name,
                                         UnaryOperator<T> change) {
        Objects.requireNonNull(change, "change");
        while (true) {
            T current = get(type, namespace, name).orElseThrow(() -> new StoreException.NotFound(type, name));
            T next = Objects.requireNonNull(change.apply(current), "change returned null");
            if (!Objects.equals(next.metadata().name(), name)
                    || !Objects.equals(next.metadata().namespace(), current.metadata().namespace())) {
                throw new IllegalArgumentException("the change must keep the object's namespace and name, "
                        + StoreException.resource(type) + " \"" + name + "\"");
            }
            if (next.equals(current)) {
                return current;
            }
            try {
                return write(next, current.metadata().resourceVersion());
            } catch (StoreException.Conflict retry) {
                Thread.onSpinWait();
            }
        }
    }

    /** Updates {@code object} if the stored resourceVersion is {@code expected} ({@code null}: unconditionally). */
    private <T extends Resource> T write(T object, String expected) {
        TypeTable table = table(object.type());
        String namespace = table.namespaceOf(object.metadata());
        String name = TypeTable.nameOf(object);
        long start = metrics.start();
        try {
            Resource seen = table.get(namespace, name);
            boolean unchanged = seen != null && (expected == null || expected.equals(seen.metadata().resourceVersion()))
                    && sameContent(object, seen);
            Resource stored;
            writeLock.lock();
            try {
                Resource current = table.get(namespace, name);
                if (current == null) {
                    throw new StoreException.NotFound(table.type, name);
                }
                if (expected != null && !expected.equals(current.metadata().resourceVersion())) {
                    throw StoreException.Conflict.modified(table.type, name);
                }
                checkUid(table, name, object.metadata().uid(), current);
                if (current == seen ? unchanged : sameContent(object, current)) {
                    return cast(object, current); // a no-op writes nothing; compared outside the lock unless raced
                }
                long revision = log.head() + 1;
                stored = stamp(object, revision);
                commit(new Change(revision, WatchEvent.Type.MODIFIED, table, stored, current), namespace, name,
                        stored);
            } finally {
                writeLock.unlock();
            }
            watches.signal();
            return cast(object, stored);
        } catch (StoreException e) {
            metrics.error(table.meters, Verb.UPDATE, e);
            throw e;
        } finally {
            metrics.record(table.meters, Verb.UPDATE, start);
        }
    }

    @Override
    public <T extends Resource> T delete(ResourceType<T> type, String namespace, String name,
                                         Preconditions preconditions) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(preconditions, "preconditions");
        TypeTable table = table(type);
        long start = metrics.start();
        try {
            Resource last;
            writeLock.lock();
            try {
                Resource current = table.get(namespace, name);
                if (current == null) {
                    throw new StoreException.NotFound(type, name);
                }
                checkUid(table, name, preconditions.uid(), current);
                String rv = preconditions.resourceVersion();
                if (rv != null && !rv.equals(current.metadata().resourceVersion())) {
                    throw new StoreException.Conflict(type, name, "Precondition failed: ResourceVersion in"
                            + " precondition: " + rv + ", ResourceVersion in object meta: "
                            + current.metadata().resourceVersion());
                }
                long revision = log.head() + 1;
                last = stamp(current, revision);
                commit(new Change(revision, WatchEvent.Type.DELETED, table, last, current), namespace, name, null);
            } finally {
                writeLock.unlock();
            }
            watches.signal();
            return type.javaType().cast(last);
        } catch (StoreException e) {
            metrics.error(table.meters, Verb.DELETE, e);
            throw e;
        } finally {
            metrics.record(table.meters, Verb.DELETE, start);
        }
    }

    /**
     * A writer changes its table before it publishes the revision, so a lock-free read may see a write whose
     * revision is not yet the head. Returning it then would let a later list at the older head roll that write back
     * (regression, found by Lincheck: a get saw k0@3, then a list in the same thread answered k0@2). So a read waits
     * for the one write that can be in flight: the slot after the head, if it is written.
     */
    private void awaitVisibleWrite() {
        long head = log.head();
        Change next = log.at(head + 1);
        if (next != null && next.revision() == head + 1) {
            log.awaitPublished(head + 1);
        }
    }

    /** Under the write lock: ring slot first, then the table, then the revision (see EventLog). */
    private void commit(Change change, String namespace, String name, Resource newValue) {
        log.append(change);
        if (newValue == null) {
            change.table().remove(namespace, name);
        } else {
            change.table().put(namespace, name, newValue);
        }
        log.publish(change.revision());
    }

    private static void checkUid(TypeTable table, String name, String uid, Resource current) {
        String stored = current.metadata().uid();
        if (uid != null && !uid.isEmpty() && stored != null && !uid.equals(stored)) {
            throw new StoreException.Conflict(table.type, name, "Precondition failed: UID in precondition: " + uid
                    + ", UID in object meta: " + stored);
        }
    }

    private static boolean sameContent(Resource object, Resource stored) {
        String rv = stored.metadata().resourceVersion();
        ObjectMeta meta = object.metadata();
        if (rv.equals(meta.resourceVersion())) {
            // metadata first: most writes change it (generation, labels), and it is far cheaper than spec + status
            return meta.equals(stored.metadata()) && object.equals(stored);
        }
        ObjectMeta stamped = meta.withResourceVersion(rv);
        return stamped.equals(stored.metadata()) && object.withMetadata(stamped).equals(stored);
    }

    private static Resource stamp(Resource object, long revision) {
        ObjectMeta meta = object.metadata();
        return object.withMetadata(meta.withResourceVersion(Long.toString(revision)));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Resource> T cast(T original, Resource stored) {
        return (T) stored;
    }

    // ---- reads

    @Override
    public <T extends Resource> Optional<T> get(ResourceType<T> type, String namespace, String name) {
        Objects.requireNonNull(name, "name");
        TypeTable table = table(type);
        long start = metrics.start();
        Resource found = table.get(namespace, name);
        awaitVisibleWrite();
        metrics.record(table.meters, Verb.GET, start);
        return Optional.ofNullable(type.javaType().cast(found));
    }

    @Override
    public <T extends Resource> ListResult<T> list(ResourceType<T> type, ListOptions options) {
        Objects.requireNonNull(options, "options");
        TypeTable table = table(type);
        long start = metrics.start();
        try {
            Predicate<Resource> matcher = table.matcher(options.labelSelector(), options.fieldSelector());
            long requested = Snapshots.revisionOf(options.resourceVersion());
            long head = log.head();
            if (requested > head) {
                throw new StoreException.TooLargeResourceVersion(requested, head);
            }
            long at = -1;
            if (options.resourceVersionMatch() == ResourceVersionMatch.EXACT) {
                if (requested == 0) {
                    throw new IllegalArgumentException("resourceVersionMatch Exact needs a resourceVersion other"
                            + " than \"0\" or unset");
                }
                at = requested;
            }
            @SuppressWarnings("unchecked")
            ListResult<T> result = (ListResult<T>) (ListResult<?>) snapshots.at(table, options.namespace(), matcher,
                    at);
            return result;
        } catch (StoreException e) {
            metrics.error(table.meters, Verb.LIST, e);
            throw e;
        } finally {
            metrics.record(table.meters, Verb.LIST, start);
        }
    }

    // ---- watches

    @Override
    public <T extends Resource> Watch<T> watch(ResourceType<T> type, WatchOptions options) {
        Objects.requireNonNull(options, "options");
        TypeTable table = table(type);
        long start = metrics.start();
        try {
            return watches.open(type, table, options);
        } catch (StoreException e) {
            metrics.error(table.meters, Verb.WATCH, e);
            throw e;
        } finally {
            metrics.record(table.meters, Verb.WATCH, start);
        }
    }

    @Override
    public <T extends Resource> Watch<T> watch(ResourceType<T> type, WatchOptions options,
                                               WatchListener<T> listener) {
        Objects.requireNonNull(listener, "listener");
        Watch<T> watch = watch(type, options);
        watches.push(type, watch, listener);
        return watch;
    }

    /** Closes every open watch (their pollers return {@code null}) and stops the wake-up thread. Idempotent. */
    @Override
    public void close() {
        watches.closeAll();
    }

    // ---- keys

    private TypeTable table(ResourceType<?> type) {
        Objects.requireNonNull(type, "type");
        TypeTable table = tables.get(type.javaType());
        if (table == null) {
            table = tables.computeIfAbsent(type.javaType(),
                    k -> new TypeTable(type, fields.getOrDefault(type, Map.of()), metrics.forKind(type)));
        }
        if (table.type != type && !table.type.equals(type)) {
            throw new IllegalArgumentException("kind " + type + " uses the Java type of kind " + table.type);
        }
        return table;
    }

    /**
     * Builder of {@link InMemoryObjectStore}. Not thread-safe; every method returns {@code this}.
     */
    public static final class Builder {
        private int historySize = DEFAULT_HISTORY_SIZE;
        private MeterRegistry registry;
        private final Map<ResourceType<?>, Map<String, Function<Resource, String>>> fields = new HashMap<>();

        private Builder() {
        }

        /**
         * How many recent changes to keep (rounded up to a power of two): the window in which watches can resume
         * and exact lists be served, and the most a watcher may fall behind. Costs one slot per change.
         *
         * @throws IllegalArgumentException if less than 2
         */
        public Builder historySize(int changes) {
            if (changes < 2 || changes > 1 << 30) {
                throw new IllegalArgumentException("history size must be between 2 and 2^30, was " + changes);
            }
            this.historySize = changes;
            return this;
        }

        /** Publishes the store's meters to {@code registry}; {@code null} (the default) for none. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.registry = registry;
            return this;
        }

        /**
         * Makes a kind-specific field selectable, such as Pod's {@code spec.nodeName} or {@code status.phase}.
         * {@code value} must be fast, side-effect free and thread-safe; returning {@code null} reads as empty.
         *
         * @throws IllegalArgumentException for {@code metadata.name} and {@code metadata.namespace}, always there
         */
        public <T extends Resource> Builder field(ResourceType<T> type, String path,
                                                  Function<? super T, String> value) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
            if (path.equals("metadata.name") || path.equals("metadata.namespace")) {
                throw new IllegalArgumentException(path + " is selectable on every kind");
            }
            fields.computeIfAbsent(type, t -> new HashMap<>()).put(path, r -> value.apply(type.javaType().cast(r)));
            return this;
        }

        /** The store. */
        public InMemoryObjectStore build() {
            return new InMemoryObjectStore(this);
        }
    }
}
