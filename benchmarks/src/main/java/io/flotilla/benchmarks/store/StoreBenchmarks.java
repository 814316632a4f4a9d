package io.flotilla.benchmarks.store;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the store benchmarks briefly (a few seconds per figure) and prints a summary: writes/s with 0, 1 and 10
 * watchers beside the ConcurrentHashMap peer measured in the same run (medians of the measured iterations, which
 * shrug off a neighbour's burst better than means), and the heap per stored Pod.
 */
public final class StoreBenchmarks {
    private static final int HEAP_PODS = 100_000;

    private StoreBenchmarks() {
    }

    /**
     * Runs everything and prints the summary.
     *
     * @param args ignored
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(StoreWriteBenchmark.class.getName())
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double map = 0;
        double[] store = new double[11];
        for (RunResult r : results) {
            double score = r.getPrimaryResult().getStatistics().getPercentile(50);
            if (r.getParams().getBenchmark().endsWith("concurrentHashMapPut")) {
                map = Math.max(map, score);
            } else {
                store[Integer.parseInt(r.getParams().getParam("watchers"))] = score;
            }
        }
        long[] heap = StoreHeapFootprint.measure(HEAP_PODS);

        System.out.println();
        System.out.println("== store benchmark summary (" + Runtime.getRuntime().availableProcessors() + " cpus) ==");
        System.out.printf(Locale.ROOT, "ConcurrentHashMap put/s (same client work): %.0f%n", map);
        for (int w : new int[] {0, 1, 10}) {
            System.out.printf(Locale.ROOT, "store writes/s with %d watchers: %.0f%n", w, store[w]);
        }
        System.out.printf(Locale.ROOT, "ratio to ConcurrentHashMap with 10 watchers: %.2f (0 watchers: %.2f)%n",
                store[10] / map, store[0] / map);
        System.out.printf(Locale.ROOT, "heap: %d pods alone %.1f MB (%d B/pod); in the store %.1f MB (%d B/pod)%n",
                HEAP_PODS, heap[0] / 1e6, heap[0] / HEAP_PODS, heap[1] / 1e6, heap[1] / HEAP_PODS);
    }
}
