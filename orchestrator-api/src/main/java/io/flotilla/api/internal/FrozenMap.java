package io.flotilla.api.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The unmodifiable, insertion-ordered maps {@link Immutables} makes. A map of this class is known to be a private
 * copy nobody can change, so normalising it again (each record copy-with does) can return it as it is instead of
 * copying it. Behaves exactly as {@link Collections#unmodifiableMap} over a {@link LinkedHashMap}: reads go to the
 * private copy, views and mutators to such an unmodifiable view, so every mutator throws
 * {@link UnsupportedOperationException}. Thread-safe for reading, as it never changes after construction.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class FrozenMap<K, V> implements Map<K, V> {
    /** Serves the reads directly: one call less on every label lookup. */
    private final LinkedHashMap<K, V> map;
    /** Serves the views and mutators, so they behave exactly as an unmodifiable map's. */
    private final Map<K, V> view;

    /** Takes {@code copy}, which the caller must not keep. */
    FrozenMap(LinkedHashMap<K, V> copy) {
        this.map = copy;
        this.view = Collections.unmodifiableMap(copy);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return map.containsValue(value);
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        return map.getOrDefault(key, defaultValue);
    }

    @Override
    public Set<K> keySet() {
        return view.keySet();
    }

    @Override
    public Collection<V> values() {
        return view.values();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return view.entrySet();
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        map.forEach(action);
    }

    @Override
    public V put(K key, V value) {
        return view.put(key, value);
    }

    @Override
    public V remove(Object key) {
        return view.remove(key);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        view.putAll(m);
    }

    @Override
    public void clear() {
        view.clear();
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        view.replaceAll(function);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return view.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return view.remove(key, value);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return view.replace(key, oldValue, newValue);
    }

    @Override
    public V replace(K key, V value) {
        return view.replace(key, value);
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        return view.computeIfAbsent(key, mappingFunction);
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        return view.computeIfPresent(key, remappingFunction);
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        return view.compute(key, remappingFunction);
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        return view.merge(key, value, remappingFunction);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || map.equals(o);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    @Override
    public String toString() {
        return map.toString();
    }
}
