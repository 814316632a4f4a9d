package io.flotilla.core.client.informer;

import io.flotilla.api.meta.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes: client-go's threadSafeMap. Items by "namespace/name" key plus, per index, value -> keys, so a lookup
 * by index costs the size of its result. One read-write lock: only the informer's reflector thread writes (briefly,
 * one object at a time), readers are listers; the store's writers never come near it. Index functions run under the
 * write lock, which is why they must be fast. Each index value keeps its keys sorted in the listers' order (KEY_ORDER:
 * namespace, then name) together with the object, so a lookup by index hands out a sorted list without sorting or a
 * lookup per key: at 10,000 pods the sort had been most of a ReplicaSet reconcile. The items map and every index hold
 * the same Slot per key, so an update that keeps an object's index values only swaps the Slot's object: no tree
 * operation, which had been half of a Pod informer's CPU in the scheduler benchmark (each bind and status write).
 */
final class IndexedCache<T extends Resource> {
    private static final Logger LOG = LoggerFactory.getLogger(IndexedCache.class);

    /**
     * Keys in the order of their (namespace, name) pairs, a missing namespace first: the order listers promise.
     * Compares the two parts of {@code namespace/name} in place, without splitting the strings.
     */
    static final Comparator<String> KEY_ORDER = IndexedCache::compareKeys;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Slot<T>> items = new HashMap<>();
    private final Map<String, IndexFunction<? super T>> indexers = new LinkedHashMap<>();
    /** The indices in the order of {@link #indexers}: position i is a Slot's {@code values[i]}. */
    private final List<Map<String, NavigableMap<String, Slot<T>>>> indexOrder = new ArrayList<>();
    private final Map<String, Map<String, NavigableMap<String, Slot<T>>>> indices = new HashMap<>();

    /**
     * The current object under one key, and its values in each index (so an update computes only the new object's);
     * written only under the write lock, read under the read lock.
     */
    private static final class Slot<T> {
        T object;
        List<Collection<String>> values = new ArrayList<>();

        Slot(T object) {
            this.object = object;
        }
    }

    /** The cache key of an object: {@code namespace/name}, or just {@code name} when cluster-scoped. */
    static String key(String namespace, String name) {
        return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }

    static String key(Resource object) {
        return key(object.metadata().namespace(), object.metadata().name());
    }

    private static int compareKeys(String a, String b) {
        int slashA = a.indexOf('/');
        int slashB = b.indexOf('/');
        if (slashA == slashB) {
            // namespaces of one length (or none): the first difference decides in both orders, and String's own
            // comparison is an intrinsic, several times faster than the loop below (index inserts are hot)
            return a.compareTo(b);
        }
        int byNamespace = compareRegions(a, 0, Math.max(slashA, 0), b, 0, Math.max(slashB, 0));
        return byNamespace != 0 ? byNamespace : compareRegions(a, slashA + 1, a.length(), b, slashB + 1, b.length());
    }

    /** {@link String#compareTo} of {@code a[fromA, toA)} and {@code b[fromB, toB)}. */
    private static int compareRegions(String a, int fromA, int toA, String b, int fromB, int toB) {
        int lengthA = toA - fromA;
        int lengthB = toB - fromB;
        int common = Math.min(lengthA, lengthB);
        for (int i = 0; i < common; i++) {
            char x = a.charAt(fromA + i);
            char y = b.charAt(fromB + i);
            if (x != y) {
                return x - y;
            }
        }
        return lengthA - lengthB;
    }

    /** Adds an index and indexes every cached object under it. */
    void addIndexer(String name, IndexFunction<? super T> function) {
        lock.writeLock().lock();
        try {
            if (indexers.putIfAbsent(name, function) != null) {
                throw new IllegalArgumentException("index " + name + " already exists");
            }
            Map<String, NavigableMap<String, Slot<T>>> index = new HashMap<>();
            indices.put(name, index);
            indexOrder.add(index);
            items.forEach((key, slot) -> {
                Collection<String> values = values(name, function, slot.object);
                slot.values.add(values);
                values.forEach(v -> index.computeIfAbsent(v, x -> new TreeMap<>(KEY_ORDER)).put(key, slot));
            });
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Runs {@code changes} (puts and removes) as one step: readers see the cache before or after all of them. */
    void batch(Runnable changes) {
        lock.writeLock().lock();
        try {
            changes.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Stores {@code object}, returning the version it replaced, or {@code null}. */
    T put(T object) {
        return put(key(object), object);
    }

    /** Stores {@code object} under its {@code key} (as {@link #key(Resource)} gives it); see {@link #put(Resource)}. */
    T put(String key, T object) {
        lock.writeLock().lock();
        try {
            Slot<T> slot = items.get(key);
            if (slot == null) {
                slot = new Slot<>(object);
                items.put(key, slot);
                reindex(key, slot, object);
                return null;
            }
            T old = slot.object;
            slot.object = object;
            reindex(key, slot, object);
            return old;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the object under {@code key}, returning it, or {@code null} if absent. */
    T remove(String key) {
        lock.writeLock().lock();
        try {
            Slot<T> slot = items.remove(key);
            if (slot == null) {
                return null;
            }
            reindex(key, slot, null);
            return slot.object;
        } finally {
            lock.writeLock().unlock();
        }
    }

    T get(String key) {
        lock.readLock().lock();
        try {
            Slot<T> slot = items.get(key);
            return slot == null ? null : slot.object;
        } finally {
            lock.readLock().unlock();
        }
    }

    List<T> list(Predicate<? super T> filter) {
        lock.readLock().lock();
        try {
            List<T> out = new ArrayList<>();
            for (Slot<T> slot : items.values()) {
                if (filter.test(slot.object)) {
                    out.add(slot.object);
                }
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A copy of every key. */
    Set<String> keys() {
        lock.readLock().lock();
        try {
            return new HashSet<>(items.keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    boolean hasIndex(String name) {
        lock.readLock().lock();
        try {
            return indices.containsKey(name);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The objects indexed under {@code value} in index {@code name}, in {@link #KEY_ORDER}; a fresh list. */
    List<T> byIndex(String name, String value) {
        lock.readLock().lock();
        try {
            Map<String, NavigableMap<String, Slot<T>>> index = indices.get(name);
            if (index == null) {
                throw new IllegalArgumentException("no index named " + name + "; known: " + indices.keySet());
            }
            NavigableMap<String, Slot<T>> indexed = index.get(value);
            if (indexed == null) {
                return new ArrayList<>();
            }
            List<T> out = new ArrayList<>(indexed.size());
            for (Slot<T> slot : indexed.values()) {
                out.add(slot.object);
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The values under which index {@code name} holds objects. */
    Set<String> indexValues(String name) {
        lock.readLock().lock();
        try {
            Map<String, NavigableMap<String, Slot<T>>> index = indices.get(name);
            if (index == null) {
                throw new IllegalArgumentException("no index named " + name + "; known: " + indices.keySet());
            }
            return Set.copyOf(index.keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return items.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Under the write lock: moves {@code key}'s slot from the index values of the object it held to those of
     * {@code object} ({@code null}: removed); values both have keep the slot, which already holds the new object.
     */
    private void reindex(String key, Slot<T> slot, T object) {
        int i = 0;
        for (Map.Entry<String, IndexFunction<? super T>> e : indexers.entrySet()) {
            String name = e.getKey();
            Collection<String> before = i < slot.values.size() ? slot.values.get(i) : List.of();
            Collection<String> after = object == null ? List.of() : values(name, e.getValue(), object);
            if (i < slot.values.size()) {
                slot.values.set(i, after);
            } else {
                slot.values.add(after);
            }
            Map<String, NavigableMap<String, Slot<T>>> index = indexOrder.get(i++);
            for (String v : before) {
                if (!after.contains(v)) {
                    NavigableMap<String, Slot<T>> indexed = index.get(v);
                    if (indexed != null && indexed.remove(key) != null && indexed.isEmpty()) {
                        index.remove(v);
                    }
                }
            }
            for (String v : after) {
                if (!before.contains(v)) {
                    index.computeIfAbsent(v, x -> new TreeMap<>(KEY_ORDER)).put(key, slot);
                }
            }
        }
    }

    private Collection<String> values(String name, IndexFunction<? super T> function, T object) {
        try {
            Collection<String> values = function.values(object);
            if (values == null || values.isEmpty()) {
                return List.of();
            }
            // one value needs no de-duplication; List.copyOf keeps an already immutable list as it is
            return values.size() == 1 && values instanceof List<String> list ? List.copyOf(list) : Set.copyOf(values);
        } catch (RuntimeException e) {
            LOG.warn("index function {} failed on {} {}; object left out of that index", name, object.kind(),
                    key(object), e);
            return List.of();
        }
    }
}
