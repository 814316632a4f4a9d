package io.flotilla.core.client.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded map that drops its least recently used entry when full, like client-go's LRU caches behind the event
 * correlator. The correlator and the spam filter touch it once or twice per event on the recorder's one writer
 * thread, where a concurrent cache's bookkeeping (Caffeine's buffers and maintenance) had cost more than the rest of
 * correlating. Not thread-safe: one thread only.
 */
final class RecentMap<K, V> {
    private final Map<K, V> entries;

    /** A map holding at most {@code maxEntries} entries. */
    RecentMap(int maxEntries) {
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The value of {@code key}, marking it recently used; {@code null} if absent. */
    V get(K key) {
        return entries.get(key);
    }

    /** The value of {@code key}, created by {@code create} if absent; marks it recently used. */
    V computeIfAbsent(K key, Function<? super K, ? extends V> create) {
        return entries.computeIfAbsent(key, create);
    }

    /** Sets the value of {@code key}, evicting the least recently used entry if full. */
    void put(K key, V value) {
        entries.put(key, value);
    }

    /** Removes {@code key}. */
    void remove(K key) {
        entries.remove(key);
    }
}
