package io.flotilla.core.startup;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What a {@link StartupPlan} run took: for each object (by {@code Kind/name}), the time from the start of the run
 * until it was Ready (Completed for Jobs; applied for objects without a readiness of their own, such as ConfigMaps),
 * in the order they got there. Immutable and thread-safe.
 */
public final class StartupReport {
    private final String namespace;
    private final Map<String, Duration> readyAfter;
    private final Duration total;

    StartupReport(String namespace, Map<String, Duration> readyAfter, Duration total) {
        this.namespace = namespace;
        this.readyAfter = Collections.unmodifiableMap(new LinkedHashMap<>(readyAfter));
        this.total = total;
    }

    /** The namespace the plan ran in. */
    public String namespace() {
        return namespace;
    }

    /** {@code Kind/name} to the time from the start of the run until it was ready, in the order they got ready. */
    public Map<String, Duration> readyAfter() {
        return readyAfter;
    }

    /**
     * The time from the start of the run until {@code key} ({@code Kind/name}) was ready.
     *
     * @throws NoSuchElementException if the plan holds no such object
     */
    public Duration readyAfter(String key) {
        Duration d = readyAfter.get(key);
        if (d == null) {
            throw new NoSuchElementException("no " + key + " in this start-up; it has " + readyAfter.keySet());
        }
        return d;
    }

    /** The time from the start of the run until everything was ready. */
    public Duration total() {
        return total;
    }

    /** A two-column table: each object and when it was ready, then the total. */
    @Override
    public String toString() {
        int width = readyAfter.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder("started in namespace " + namespace + " in " + millis(total) + "\n");
        readyAfter.forEach((key, d) -> out.append("  ").append(key).append(" ".repeat(width - key.length() + 3))
                .append(millis(d)).append('\n'));
        return out.toString();
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }
}
