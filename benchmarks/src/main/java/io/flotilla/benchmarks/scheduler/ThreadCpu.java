package io.flotilla.benchmarks.scheduler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this process's native threads, grouped by thread name with a trailing number removed ({@code GC Thread#0} and
 * {@code GC Thread#1} count as {@code GC Thread#}), read from Linux's {@code /proc/self/task/<tid>/schedstat}
 * (nanoseconds on a CPU). Unlike {@code ThreadMXBean} it also sees the JVM's own threads: GC, JIT compilers.
 * Virtual threads run on the {@code ForkJoinPool-N-worker-M} carriers and are counted there. Linux only; elsewhere
 * the snapshot is empty. Not thread-safe (call from one thread); not a test.
 */
final class ThreadCpu {

    private ThreadCpu() {
    }

    /** Nanoseconds on a CPU per thread group, of the threads alive now; empty where /proc is missing. */
    static Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                try {
                    String name = Files.readString(t.resolve("comm")).strip().replaceAll("#?[0-9]+$", "");
                    String stat = Files.readString(t.resolve("schedstat")).strip();
                    long ns = Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                    out.merge(name, ns, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while listed
                }
            });
        } catch (IOException notLinux) {
            return Map.of();
        }
        return out;
    }

    /**
     * One line per group that used at least 1 % of {@code total}: microseconds per pod between two snapshots
     * (threads that ended in between are lost; the pools of a run outlive it).
     */
    static String perPod(Map<String, Long> before, Map<String, Long> after, int pods) {
        StringBuilder sb = new StringBuilder();
        long total = 0;
        Map<String, Long> diff = new TreeMap<>();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            diff.put(e.getKey(), d);
            total += d;
        }
        long t = total;
        diff.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() * 100 >= t)
                .forEach(e -> sb.append(String.format("  %-18s %7.1f us/pod%n", e.getKey(), e.getValue() / 1e3 / pods)));
        return sb.toString();
    }

    /**
     * Waits until the process has been quiet for {@code quiet} (all its threads together used under a tenth of one
     * CPU in that time), at most {@code max}: compiles, informer deliveries and collections that a previous round
     * or the set-up left behind then finish before a measured window instead of inside it. Returns at once where
     * /proc is missing.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    static void awaitQuiet(Duration quiet, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        long last = totalNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(quiet.toMillis());
            long now = totalNanos();
            if ((now - last) * 10 < quiet.toNanos()) {
                return;
            }
            last = now;
        }
    }

    private static long totalNanos() {
        return snapshot().values().stream().mapToLong(Long::longValue).sum();
    }
}
