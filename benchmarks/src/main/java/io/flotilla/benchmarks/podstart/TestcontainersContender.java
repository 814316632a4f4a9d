package io.flotilla.benchmarks.podstart;

import io.flotilla.testkit.TestImages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers 2 as a user would write it: one {@link GenericContainer} of busybox {@code sleep} per container on
 * a Testcontainers {@link Network}, started one by one or all at once with {@link Startables#deepStart}; a
 * container counts as running when {@code start()} has returned (its default startup check saw it running).
 * Needs the environment {@link io.flotilla.benchmarks.TestcontainersEnvironment} sets. Not thread-safe.
 */
final class TestcontainersContender implements Contender {
    private final boolean deepStart;
    private final Map<String, String> labels;
    private final Network network;
    private final ExecutorService stopper = Executors.newFixedThreadPool(4,
            Thread.ofPlatform().daemon().name("podbench-tc-stop-", 0).factory());
    private final List<GenericContainer<?>> started = new ArrayList<>();

    /**
     * @param deepStart {@code true} for {@code Startables.deepStart}, {@code false} for sequential {@code start()}
     * @param labels    labels every container and the network carry
     */
    TestcontainersContender(boolean deepStart, Map<String, String> labels) {
        this.deepStart = deepStart;
        this.labels = Map.copyOf(labels);
        this.network = Network.builder().createNetworkCmdModifier(cmd -> cmd.withLabels(this.labels)).build();
        network.getId();
    }

    @Override
    public String name() {
        return deepStart ? "TC deepStart" : "TC seq";
    }

    @Override
    public Duration run(int n) throws Exception {
        List<GenericContainer<?>> containers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            containers.add(new GenericContainer<>(DockerImageName.parse(TestImages.BUSYBOX))
                    .withCommand("sleep", "3600").withNetwork(network).withLabels(labels));
        }
        started.addAll(containers);
        long t0 = System.nanoTime();
        if (deepStart) {
            Startables.deepStart(containers).get(PodStartBenchmark.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            containers.forEach(GenericContainer::start);
        }
        long elapsed = System.nanoTime() - t0;
        stopAll();
        return Duration.ofNanos(elapsed);
    }

    private void stopAll() throws Exception {
        List<Future<?>> stops = new ArrayList<>(started.size());
        for (GenericContainer<?> c : started) {
            stops.add(stopper.submit(c::stop));
        }
        started.clear();
        for (Future<?> f : stops) {
            f.get(PodStartBenchmark.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        try {
            stopAll();
        } catch (Exception e) {
            System.err.println("podbench: stopping Testcontainers failed (the final clean-up retries): " + e);
        } finally {
            stopper.shutdownNow();
            network.close();
        }
    }
}
