package io.flotilla.benchmarks.podstart;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.core.Cluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flotilla end to end: a {@link Cluster} with one node on the given runtime (scheduler, node agent, informers, all
 * as a user gets them); a run applies N single-container pods ({@code sleep 3600}, grace period 0) one after the
 * other and ends when an informer has seen every one {@code Running}. The pods are then deleted and the harness
 * waits, untimed, until they left the store and the runtime holds nothing of the cluster. Not thread-safe.
 */
final class FlotillaContender implements Contender {
    static final String BATCH_LABEL = "podbench.flotilla.io/batch";

    private final String name;
    private final String image;
    private final Cluster cluster;
    private final ContainerRuntime runtime;
    private final PodTracker tracker = new PodTracker(BATCH_LABEL);
    private final RuntimeProfile profile;
    private int batches;

    /**
     * Starts the cluster {@code clusterId} with one node {@code nodeName} on {@code runtime} and waits until the
     * node is registered.
     *
     * @param profile if not {@code null}, every runtime call is recorded there and printed after each run
     */
    FlotillaContender(String name, String clusterId, String nodeName, ContainerRuntime runtime, String image,
                      RuntimeProfile profile) throws InterruptedException {
        this.name = name;
        this.image = image;
        this.profile = profile;
        this.runtime = profile == null ? runtime : profile.wrap(runtime);
        this.cluster = Cluster.builder().id(clusterId).node(nodeName, this.runtime)
                .keepPersistentVolumesOnClose(false).start();
        cluster.informers().addHandler(Pod.TYPE, tracker);
        long deadline = System.nanoTime() + PodStartBenchmark.TIMEOUT.toNanos();
        while (cluster.informers().lister(Node.TYPE).list().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node " + nodeName + " of " + name + " did not register");
            }
            Thread.sleep(50);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration run(int n) throws Exception {
        String batch = "b" + (++batches);
        List<Pod> pods = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pods.add(Pod.named(batch + "-" + i).label(BATCH_LABEL, batch).terminationGracePeriodSeconds(0L)
                    .container("app", c -> c.image(image).command("sleep", "3600")).build());
        }
        if (profile != null) {
            profile.reset();
        }
        long t0 = System.nanoTime();
        for (Pod pod : pods) {
            cluster.apply(pod);
        }
        tracker.await(batch, all -> all.size() == n && all.stream().allMatch(FlotillaContender::running),
                PodStartBenchmark.TIMEOUT, name + ": " + n + " pods Running");
        long elapsed = System.nanoTime() - t0;
        if (profile != null) {
            System.out.printf(Locale.ROOT, "  %s N=%d: all Running at %.0f ms; runtime calls:%n%s", name, n,
                    elapsed / 1e6, profile.report(t0));
        }
        for (Pod pod : pods) {
            cluster.client().pods().inNamespace("default").delete(pod.metadata().name());
        }
        tracker.await(batch, List::isEmpty, PodStartBenchmark.TIMEOUT, name + ": pods deleted");
        awaitRuntimeEmpty();
        return Duration.ofNanos(elapsed);
    }

    private static boolean running(Pod pod) {
        return pod.status() != null && PodStatus.RUNNING.equals(pod.status().phase());
    }

    // Untimed: a poll is fine here, and the runtime has no "everything gone" event to wait on.
    private void awaitRuntimeEmpty() throws InterruptedException {
        Map<String, String> mine = RuntimeLabels.cluster(cluster.id());
        long deadline = System.nanoTime() + PodStartBenchmark.TIMEOUT.toNanos();
        while (!runtime.listPodSandboxes(PodSandboxFilter.labels(mine)).isEmpty()
                || !runtime.listContainers(ContainerFilter.labels(mine)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": the runtime still holds sandboxes or containers of "
                        + cluster.id() + " after " + PodStartBenchmark.TIMEOUT);
            }
            Thread.sleep(50);
        }
    }

    /** Closes the cluster, which removes every sandbox, container and volume it created. */
    @Override
    public void close() {
        cluster.close();
    }
}
