package io.flotilla.benchmarks.threetier;

import io.flotilla.core.startup.StartupReport;
import io.flotilla.examples.shop.ShopCluster;
import io.flotilla.examples.shop.ThreeTierShop;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shop with Flotilla as the example starts it: a one-node cluster on the local Docker engine (its own network,
 * cluster DNS on the gateway), then {@link ThreeTierShop#start}, which runs the example's {@code StartupPlan}. The
 * time counts both; {@link #breakdown()} splits them and lists when each object was Ready. Not thread-safe; used
 * once.
 */
final class FlotillaShop implements Contender {
    private final String clusterId;
    private ShopCluster shop;
    private long clusterNanos;
    private StartupReport report;
    private String timeline = "";

    FlotillaShop(String runId) {
        this.clusterId = "tt-" + runId;
    }

    @Override
    public String name() {
        return "Flotilla";
    }

    @Override
    public void start() {
        long t0 = System.nanoTime();
        shop = ShopCluster.onDocker(clusterId);
        clusterNanos = System.nanoTime() - t0;
        Instant planStart = Instant.now();
        report = ThreeTierShop.start(shop.cluster(), ThreeTierShop.NAMESPACE, ThreeTierStartBenchmark.TIMEOUT);
        timeline = PodTimeline.of(shop.cluster(), ThreeTierShop.NAMESPACE, planStart);
    }

    @Override
    public String breakdown() {
        if (report == null) {
            return "";
        }
        return "cluster start " + clusterNanos / 1_000_000 + " ms, then ready after: " + report.readyAfter()
                .entrySet().stream().map(e -> e.getKey() + " " + e.getValue().toMillis())
                .collect(Collectors.joining(", ")) + "\n  " + timeline;
    }

    @Override
    public void close() {
        if (shop == null) {
            return;
        }
        try {
            shop.close();
            List<String> left = shop.leftovers();
            if (!left.isEmpty()) {
                System.err.println("three-tier: Flotilla cluster " + clusterId + " left " + left + " (swept)");
            }
        } catch (RuntimeException e) {
            System.err.println("three-tier: closing Flotilla cluster " + clusterId + " failed (swept): " + e);
        }
        Sweep.flotillaCluster(clusterId);
    }
}
