package io.flotilla.api.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Normalises the collection components of resource records: {@code null} becomes empty, everything else becomes an
 * unmodifiable copy. Maps keep their insertion order so that manifests round-trip in the order they were written.
 *
 * <p>This is why a resource built in Java and the same resource read from YAML are {@code equals}: an absent list
 * and an empty list are the same thing in the Kubernetes model.
 */
public final class Immutables {
    private Immutables() {
    }

    /**
     * An unmodifiable copy of {@code list}, or an empty list for {@code null}.
     *
     * @throws NullPointerException if the list holds a {@code null} element
     */
    public static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /**
     * An unmodifiable, insertion-ordered copy of {@code map}, or an empty map for {@code null}. A map this class
     * made is returned as it is: it is already such a copy, and records normalise their maps on every copy-with.
     */
    public static <K, V> Map<K, V> map(Map<K, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        if (map instanceof FrozenMap<K, V>) {
            return map;
        }
        return new FrozenMap<>(new LinkedHashMap<>(map));
    }

    /** {@code map} with {@code key} set to {@code value}, as an unmodifiable insertion-ordered copy. */
    public static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
        Objects.requireNonNull(key, "key");
        LinkedHashMap<K, V> copy = new LinkedHashMap<>(map == null ? Map.of() : map);
        copy.put(key, value);
        return new FrozenMap<>(copy);
    }

    /** {@code list} with {@code element} appended, as an unmodifiable copy. */
    public static <T> List<T> with(List<T> list, T element) {
        Objects.requireNonNull(element, "element");
        java.util.ArrayList<T> copy = new java.util.ArrayList<>(list == null ? List.of() : list);
        copy.add(element);
        return List.copyOf(copy);
    }
}
