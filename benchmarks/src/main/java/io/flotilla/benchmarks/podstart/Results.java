package io.flotilla.benchmarks.podstart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The samples of a run, per contender and N, with their medians, printed as a Markdown table. Not thread-safe.
 */
final class Results {
    private final List<String> contenders;
    private final Map<String, Map<Integer, List<Duration>>> samples = new LinkedHashMap<>();

    /** Results with one column per contender, in this order. */
    Results(List<String> contenders) {
        this.contenders = List.copyOf(contenders);
        contenders.forEach(c -> samples.put(c, new TreeMap<>()));
    }

    void add(String contender, int n, Duration sample) {
        samples.get(contender).computeIfAbsent(n, k -> new ArrayList<>()).add(sample);
    }

    /** The median of {@code contender}'s samples at {@code n} in milliseconds, if it has any. */
    OptionalDouble medianMillis(String contender, int n) {
        List<Duration> list = samples.getOrDefault(contender, Map.of()).get(n);
        if (list == null || list.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] ms = list.stream().mapToDouble(d -> d.toNanos() / 1e6).sorted().toArray();
        int mid = ms.length / 2;
        return OptionalDouble.of(ms.length % 2 == 1 ? ms[mid] : (ms[mid - 1] + ms[mid]) / 2);
    }

    /** The table of medians (rows N, columns contenders), then every sample. */
    String table(List<Integer> sizes) {
        StringBuilder out = new StringBuilder("| N |");
        contenders.forEach(c -> out.append(' ').append(c).append(" |"));
        out.append("\n|---|");
        contenders.forEach(c -> out.append("---|"));
        for (int n : sizes) {
            out.append("\n| ").append(n).append(" |");
            for (String c : contenders) {
                OptionalDouble m = medianMillis(c, n);
                out.append(' ').append(m.isPresent() ? String.format(Locale.ROOT, "%,.0f ms", m.getAsDouble()) : "-")
                        .append(" |");
            }
        }
        out.append("\n\nsamples (ms):");
        samples.forEach((c, byN) -> byN.forEach((n, list) -> out.append("\n  ").append(c).append(" N=").append(n)
                .append(": ").append(list.stream().map(d -> String.valueOf(d.toMillis())).toList())));
        return out.toString();
    }

    /** {@code median(numerator) / median(denominator)} at {@code n}, if both were measured. */
    OptionalDouble ratio(String numerator, String denominator, int n) {
        OptionalDouble a = medianMillis(numerator, n);
        OptionalDouble b = medianMillis(denominator, n);
        return a.isPresent() && b.isPresent() ? OptionalDouble.of(a.getAsDouble() / b.getAsDouble())
                : OptionalDouble.empty();
    }
}
