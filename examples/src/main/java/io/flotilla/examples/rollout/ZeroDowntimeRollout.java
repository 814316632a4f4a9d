package io.flotilla.examples.rollout;

import static io.flotilla.api.apps.Rollout.maxSurge;
import static io.flotilla.api.apps.Rollout.maxUnavailable;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Probe;
import io.flotilla.api.core.Service;
import io.flotilla.core.Cluster;
import io.flotilla.core.controllers.deployment.DeploymentRollout;
import io.flotilla.examples.support.Await;
import io.flotilla.examples.support.ServicePoller;
import io.flotilla.runtime.docker.DockerRuntime;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A rolling update with zero downtime. {@code hello} ×3 serves its {@code VERSION}; the update to the next version
 * surges one new pod at a time and removes an old one only when the new one is Ready (readiness probes every
 * second), so at least three replicas answer throughout and a client polling the NodePort sees no failure.
 */
public final class ZeroDowntimeRollout {
    /** The replicas of {@code hello}. */
    public static final int REPLICAS = 3;
    private static final String SERVE =
            "mkdir -p /www && echo $VERSION > /www/index.html && exec httpd -f -p 8080 -h /www";

    /**
     * What the update looked like from outside.
     *
     * @param sent        requests sent during the update (0 when no client polled)
     * @param failed      requests that failed
     * @param fewestReady the fewest Ready, not-terminating replicas seen during the update
     * @param answers     the bodies answered, with their counts
     */
    public record Outcome(int sent, int failed, int fewestReady, Map<String, Integer> answers) {
    }

    private ZeroDowntimeRollout() {
    }

    /** Runs the update v1 → v2 on the local Docker engine and prints the outcome. */
    public static void main(String[] args) {
        TestImages.ensureBuilt(TestDocker.client());
        try (Cluster cluster = Cluster.builder().id("zero-downtime").node("local", DockerRuntime.local())
                .keepPersistentVolumesOnClose(false).start()) {
            deploy(cluster, "v1", Duration.ofSeconds(60));
            Outcome outcome = update(cluster, "v2", true, Duration.ofSeconds(90));
            System.out.println("rolling update v1 -> v2: " + outcome);
        }
    }

    /** The Deployment {@code hello} at {@code version}. */
    public static Deployment hello(String version) {
        return Deployment.named("hello").replicas(REPLICAS).rollingUpdate(maxSurge(1), maxUnavailable(0))
                .terminationGracePeriodSeconds(1L)
                .container("hello", c -> c.image(TestImages.BUSYBOX).command("sh", "-c", SERVE).port("http", 8080)
                        .env("VERSION", version).readiness(Probe.http("/", 8080).periodSeconds(1)))
                .build();
    }

    /** Applies {@code hello} at {@code version} and its NodePort Service, and waits for every replica to be Ready. */
    public static void deploy(Cluster cluster, String version, Duration timeout) {
        cluster.apply(hello(version));
        cluster.apply(Service.named("hello").selector("app", "hello").port("http", 80, 8080).nodePort());
        Await.until(REPLICAS + " Ready replicas", timeout, () -> serving(cluster).size() == REPLICAS);
    }

    /**
     * Updates {@code hello} to {@code version} and waits for the rollout to complete, watching Ready replicas and
     * (if {@code poll}) requesting the Service's node port throughout.
     */
    public static Outcome update(Cluster cluster, String version, boolean poll, Duration timeout) {
        DeploymentRollout rollout = DeploymentRollout.of(cluster.client(), cluster.clock(), "default", "hello");
        int[] fewest = {Integer.MAX_VALUE};
        try (ServicePoller poller = poll ? ServicePoller.start(cluster.services().hostUrl("hello")) : null) {
            cluster.apply(hello(version));
            Await.until("the rollout to " + version, timeout, () -> {
                List<Pod> ready = serving(cluster);
                fewest[0] = Math.min(fewest[0], ready.size());
                return rollout.status().complete() && ready.size() == REPLICAS
                        && allPods(cluster).stream().allMatch(p -> isVersion(p, version));
            });
            return poller == null ? new Outcome(0, 0, fewest[0], Map.of())
                    : new Outcome(poller.sent(), poller.failed(), fewest[0], poller.answers());
        }
    }

    private static List<Pod> allPods(Cluster cluster) {
        return cluster.client().pods().list().stream().filter(p -> "hello".equals(p.metadata().labels().get("app")))
                .toList();
    }

    /** Ready replicas not being deleted: the ones the Service sends traffic to. */
    private static List<Pod> serving(Cluster cluster) {
        return allPods(cluster).stream().filter(p -> p.isReady() && !p.metadata().isDeleting()).toList();
    }

    private static boolean isVersion(Pod pod, String version) {
        return pod.spec().containers().get(0).envVar("VERSION").map(v -> version.equals(v.value())).orElse(false);
    }
}
