package io.flotilla.benchmarks.threetier;

import io.flotilla.benchmarks.TestcontainersEnvironment;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The three-tier shop from "start" to "all Ready", three ways in the same run: Flotilla, Testcontainers and
 * docker-compose 1.29. {@code -Dwarmups=N} (default 3) untimed warm-up rounds, so both JVM contenders run compiled
 * code, as the later test classes of a suite do (one round left C2 compiling Flotilla's larger code path in the
 * first timed rounds); then {@code -Drepeats=N} (default 3) timed rounds; each round runs every contender once, in
 * an order rotated between rounds, each on fresh objects that are removed (untimed) before the next starts. Prints each contender's times and median, Flotilla's per-object breakdown, the load average, and
 * the summary line {@code three-tier start ratio vs testcontainers: R} (Flotilla's median / Testcontainers').
 */
public final class ThreeTierStartBenchmark {
    /** The longest any contender may take to start the shop. */
    static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String LABEL = "io.flotilla.bench";

    private ThreeTierStartBenchmark() {
    }

    /** Runs the benchmark; see the class comment. Exits non-zero if a contender fails. */
    public static void main(String[] args) throws Exception {
        if (!TestcontainersEnvironment.present()) {
            System.out.println("three-tier: running again with the Testcontainers environment set");
            System.exit(TestcontainersEnvironment.relaunch(ThreeTierStartBenchmark.class, args));
        }
        int repeats = Integer.getInteger("repeats", 3);
        int warmups = Math.max(1, Integer.getInteger("warmups", 3));
        TestImages.ensureBuilt(TestDocker.client());
        ShopTopology shop = ShopTopology.fromExample();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        Map<String, String> labels = Map.of(LABEL, "three-tier-" + run);
        List<Function<String, Contender>> contenders = List.of(
                id -> new FlotillaShop(id),
                id -> new TestcontainersShop(shop, labels, id),
                id -> new ComposeShop(shop, labels, id, TestDocker.client()));
        Map<String, List<Long>> times = new LinkedHashMap<>();
        List<String> breakdowns = new ArrayList<>();
        String loadBefore = loadAverage();
        try {
            for (int round = 0; round < warmups + repeats; round++) {
                for (int i = 0; i < contenders.size(); i++) {
                    Contender c = contenders.get((i + round) % contenders.size()).apply(run + "-" + round + i);
                    long millis = timed(c, breakdowns, round < warmups);
                    if (round >= warmups) {
                        times.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(millis);
                    }
                }
            }
        } finally {
            Sweep.byLabels(labels);
        }
        print(times, breakdowns, repeats, shop, loadBefore);
    }

    private static long timed(Contender contender, List<String> breakdowns, boolean warmUp) throws Exception {
        try (contender) {
            long t0 = System.nanoTime();
            contender.start();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("three-tier: %-20s %6d ms%s%n", contender.name(), millis, warmUp ? " (warm-up)" : "");
            if (!contender.breakdown().isEmpty() && !warmUp) {
                breakdowns.add(contender.breakdown());
            }
            return millis;
        }
    }

    private static void print(Map<String, List<Long>> times, List<String> breakdowns, int repeats, ShopTopology shop,
                              String loadBefore) {
        System.out.printf("%nthree-tier start, %d containers (web x%d, api x%d, db x1 with a volume, migrate x1), "
                + "%d timed rounds%n", shop.containerCount(), shop.web().replicas(), shop.api().replicas(), repeats);
        System.out.printf("%-22s %-28s %s%n", "contender", "runs (ms)", "median (ms)");
        times.forEach((name, runs) -> System.out.printf("%-22s %-28s %d%n", name, runs, median(runs)));
        breakdowns.forEach(b -> System.out.println("Flotilla: " + b));
        System.out.println("load average before: " + loadBefore + "; after: " + loadAverage());
        long flotilla = median(times.get("Flotilla"));
        long tc = median(times.get("Testcontainers 2.0.5"));
        long compose = median(times.get("docker-compose 1.29"));
        System.out.printf("three-tier start ratio vs docker-compose: %.2f%n", (double) flotilla / compose);
        System.out.printf("three-tier start ratio vs testcontainers: %.2f%n", (double) flotilla / tc);
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
