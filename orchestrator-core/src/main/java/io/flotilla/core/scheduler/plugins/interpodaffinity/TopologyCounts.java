package io.flotilla.core.scheduler.plugins.interpodaffinity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts (or weights) per topology pair — a node label key and value — like Kubernetes'
 * {@code topologyToMatchedTermCount}. Keys are kept in a list so per-node reads iterate by index without
 * allocating; pairs that drop to zero are removed, so {@link #isEmpty()} means "no pair counted". Not thread-safe:
 * written in PreFilter/PreScore (and by preemption on a copy), read concurrently afterwards.
 */
final class TopologyCounts {

    private final List<String> keys = new ArrayList<>();
    private final List<Map<String, Long>> values = new ArrayList<>();
    private int pairs;

    /** Adds {@code delta} to the pair of {@code key} and the node's value for it; nothing if the node lacks it. */
    void add(Map<String, String> nodeLabels, String key, long delta) {
        String value = nodeLabels.get(key);
        if (value == null || delta == 0) {
            return;
        }
        int i = keys.indexOf(key);
        if (i < 0) {
            keys.add(key);
            values.add(new HashMap<>());
            i = keys.size() - 1;
        }
        Map<String, Long> counts = values.get(i);
        long before = counts.getOrDefault(value, 0L);
        long after = before + delta;
        if (after == 0) {
            counts.remove(value);
            pairs--;
        } else {
            counts.put(value, after);
            pairs += before == 0 ? 1 : 0;
        }
    }

    /** The count of one pair, 0 if absent. */
    long get(String key, String value) {
        int i = keys.indexOf(key);
        if (i < 0 || value == null) {
            return 0;
        }
        Long c = values.get(i).get(value);
        return c == null ? 0 : c;
    }

    /** Whether some pair of a node label has a positive count. */
    boolean anyPositiveOn(Map<String, String> nodeLabels) {
        for (int i = 0, n = keys.size(); i < n; i++) {
            String value = nodeLabels.get(keys.get(i));
            Long c = value == null ? null : values.get(i).get(value);
            if (c != null && c > 0) {
                return true;
            }
        }
        return false;
    }

    /** The sum over the node's labels of their pairs' counts. */
    long sumOn(Map<String, String> nodeLabels) {
        long sum = 0;
        for (int i = 0, n = keys.size(); i < n; i++) {
            String value = nodeLabels.get(keys.get(i));
            Long c = value == null ? null : values.get(i).get(value);
            sum += c == null ? 0 : c;
        }
        return sum;
    }

    /** Whether no pair has a non-zero count. */
    boolean isEmpty() {
        return pairs == 0;
    }

    /** An independent copy. */
    TopologyCounts copy() {
        TopologyCounts c = new TopologyCounts();
        c.keys.addAll(keys);
        for (Map<String, Long> m : values) {
            c.values.add(new HashMap<>(m));
        }
        c.pairs = pairs;
        return c;
    }
}
