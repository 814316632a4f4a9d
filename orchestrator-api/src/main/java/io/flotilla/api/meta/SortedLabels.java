package io.flotilla.api.meta;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable string map sorted by key, backed by two arrays.
 *
 * <p>Design notes: label selectors are evaluated millions of times by the scheduler and informers, and iterating a
 * JDK map allocates an iterator (and, for unmodifiable wrappers, an entry per step). This map lets
 * {@link LabelSelector#matches} walk its entries by index without allocating, and keeps the keys in the order the
 * string form prints them. Values may be {@code null} (a manifest can say {@code app: ~}); validation reports them.
 */
final class SortedLabels extends AbstractMap<String, String> {
    static final SortedLabels EMPTY = new SortedLabels(new String[0], new String[0]);

    private final String[] keys;
    private final String[] values;

    private SortedLabels(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * A sorted copy of {@code map}; {@code null} and empty maps give {@link #EMPTY}.
     *
     * @throws NullPointerException if a key is {@code null}
     */
    static SortedLabels copyOf(Map<String, String> map) {
        if (map instanceof SortedLabels sorted) {
            return sorted;
        }
        if (map == null || map.isEmpty()) {
            return EMPTY;
        }
        String[] keys = new String[map.size()];
        int i = 0;
        for (String key : map.keySet()) {
            keys[i++] = Objects.requireNonNull(key, "label keys must not be null");
        }
        Arrays.sort(keys);
        String[] values = new String[keys.length];
        for (int k = 0; k < keys.length; k++) {
            values[k] = map.get(keys[k]);
        }
        return new SortedLabels(keys, values);
    }

    /** This map with {@code key} set to {@code value}. */
    SortedLabels with(String key, String value) {
        int at = Arrays.binarySearch(keys, Objects.requireNonNull(key, "key"));
        if (at >= 0) {
            String[] newValues = values.clone();
            newValues[at] = value;
            return new SortedLabels(keys, newValues);
        }
        int insert = -at - 1;
        String[] newKeys = new String[keys.length + 1];
        String[] newValues = new String[keys.length + 1];
        System.arraycopy(keys, 0, newKeys, 0, insert);
        System.arraycopy(values, 0, newValues, 0, insert);
        newKeys[insert] = key;
        newValues[insert] = value;
        System.arraycopy(keys, insert, newKeys, insert + 1, keys.length - insert);
        System.arraycopy(values, insert, newValues, insert + 1, keys.length - insert);
        return new SortedLabels(newKeys, newValues);
    }

    /** The key at {@code index}, in key order. */
    String keyAt(int index) {
        return keys[index];
    }

    /** The value at {@code index}, in key order. */
    String valueAt(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String s && Arrays.binarySearch(keys, s) >= 0;
    }

    @Override
    public String get(Object key) {
        if (!(key instanceof String s)) {
            return null;
        }
        int at = Arrays.binarySearch(keys, s);
        return at >= 0 ? values[at] : null;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
