package io.flotilla.api.scheduler;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plugin's configuration from its profile, shaped like the {@code args} of a plugin in Kubernetes'
 * {@code KubeSchedulerConfiguration} (for example {@code {scoringStrategy: {type: MostAllocated}}} for
 * NodeResourcesFit): a tree of maps, lists, strings, numbers and booleans, with typed getters that fall back to a
 * default. Immutable and thread-safe.
 */
public final class PluginArgs {

    /** No arguments. */
    public static final PluginArgs EMPTY = new PluginArgs(Map.of());

    private final Map<String, Object> values;

    private PluginArgs(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Arguments from a map (copied; nested maps and lists are kept as given and should be immutable).
     *
     * @param values the values; not null, no null keys or values
     */
    public static PluginArgs of(Map<String, ?> values) {
        return values.isEmpty() ? EMPTY : new PluginArgs(Map.copyOf(values));
    }

    /** Arguments with a single entry, such as {@code of("scoringStrategy", Map.of("type", "MostAllocated"))}. */
    public static PluginArgs of(String key, Object value) {
        return of(Map.of(key, value));
    }

    /** The raw values; never null, unmodifiable. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** Whether {@code key} is set. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** A string value, or {@code fallback} when unset. */
    public String string(String key, String fallback) {
        Object v = values.get(key);
        return v == null ? fallback : v.toString();
    }

    /**
     * A whole-number value, or {@code fallback} when unset.
     *
     * @throws IllegalArgumentException if the value is not a number
     */
    public long number(String key, long fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(v.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("plugin argument " + key + " must be a number, got " + v, e);
        }
    }

    /** A boolean value, or {@code fallback} when unset. */
    public boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        return v == null ? fallback : v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
    }

    /**
     * A nested object, or {@link #EMPTY} when unset.
     *
     * @throws IllegalArgumentException if the value is not a map
     */
    @SuppressWarnings("unchecked")
    public PluginArgs nested(String key) {
        Object v = values.get(key);
        if (v == null) {
            return EMPTY;
        }
        if (v instanceof PluginArgs a) {
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            return of((Map<String, ?>) m);
        }
        throw new IllegalArgumentException("plugin argument " + key + " must be an object, got " + v);
    }

    /**
     * A list of nested objects, empty when unset.
     *
     * @throws IllegalArgumentException if the value is not a list of maps
     */
    public List<PluginArgs> list(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("plugin argument " + key + " must be a list, got " + v);
        }
        return l.stream().map(e -> e instanceof PluginArgs a ? a : new PluginArgs(Map.of("", e)).nested("")).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginArgs a && values.equals(a.values);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(values);
    }

    @Override
    public String toString() {
        return "PluginArgs" + values;
    }
}
