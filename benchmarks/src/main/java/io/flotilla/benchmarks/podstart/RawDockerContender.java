package io.flotilla.benchmarks.podstart;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import io.flotilla.testkit.TestImages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The floor: docker-java {@code create} + {@code start} of bare busybox {@code sleep} containers on a user-defined
 * bridge network, one after the other or over a fixed pool of threads. A container counts as running when its
 * {@code start} call has returned (Docker answers it once the process runs). Not thread-safe.
 */
final class RawDockerContender implements Contender {
    private final DockerClient docker;
    private final String network;
    private final Map<String, String> labels;
    private final int threads;
    private final ExecutorService pool;
    private final List<String> created = new ArrayList<>();
    private int batches;

    /**
     * @param network an existing user-defined network the containers join
     * @param labels  labels every container carries (the harness removes what carries them at the end)
     * @param threads 1 for sequential starts, more for that many parallel create+start calls
     */
    RawDockerContender(DockerClient docker, String network, Map<String, String> labels, int threads) {
        this.docker = docker;
        this.network = network;
        this.labels = Map.copyOf(labels);
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(Math.max(threads, 4),
                Thread.ofPlatform().daemon().name("podbench-raw-", 0).factory());
    }

    @Override
    public String name() {
        return threads == 1 ? "raw seq" : "raw " + threads + " threads";
    }

    @Override
    public Duration run(int n) throws Exception {
        String prefix = labels.get(PodStartBenchmark.RUN_LABEL) + "-raw" + threads + "-" + (++batches) + "-";
        long t0 = System.nanoTime();
        if (threads == 1) {
            for (int i = 0; i < n; i++) {
                createAndStart(prefix + i);
            }
        } else {
            List<Future<?>> starts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String name = prefix + i;
                starts.add(pool.submit(() -> createAndStart(name)));
            }
            for (Future<?> f : starts) {
                f.get(PodStartBenchmark.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        long elapsed = System.nanoTime() - t0;
        removeAll();
        return Duration.ofNanos(elapsed);
    }

    private void createAndStart(String name) {
        String id = docker.createContainerCmd(TestImages.BUSYBOX).withName(name).withCmd("sleep", "3600")
                .withLabels(labels).withHostConfig(HostConfig.newHostConfig().withNetworkMode(network))
                .exec().getId();
        synchronized (created) {
            created.add(id);
        }
        docker.startContainerCmd(id).exec();
    }

    private void removeAll() throws Exception {
        List<String> ids;
        synchronized (created) {
            ids = List.copyOf(created);
            created.clear();
        }
        List<Future<?>> removals = new ArrayList<>(ids.size());
        for (String id : ids) {
            removals.add(pool.submit(() -> forceRemove(id)));
        }
        for (Future<?> f : removals) {
            f.get(PodStartBenchmark.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void forceRemove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException gone) {
            // removed already
        }
    }

    @Override
    public void close() {
        try {
            removeAll();
        } catch (Exception e) {
            System.err.println("podbench: removing the raw containers failed (the final clean-up retries): " + e);
        } finally {
            pool.shutdownNow();
        }
    }
}
