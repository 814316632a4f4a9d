package io.flotilla.examples;

import static io.flotilla.api.apps.Rollout.maxSurge;
import static io.flotilla.api.apps.Rollout.maxUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Probe;
import io.flotilla.api.core.Service;
import io.flotilla.core.Cluster;
import io.flotilla.core.controllers.deployment.DeploymentRollout;
import io.flotilla.testkit.TestImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Issue 7's acceptance on a real runtime, through {@link Cluster}: a Deployment rolls to a new template without a
 * single failed request or unready replica, and a StatefulSet pod's claim (and its data) outlives the pod. Each
 * runtime runs it through a subclass that names the runtime and requires it ({@link WorkloadsOnDockerIT},
 * {@link WorkloadsOnContainerdIT}).
 */
abstract class WorkloadsSuite {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String BUSYBOX = TestImages.BUSYBOX;
    /** Serves {@code $VERSION} as the page, so a template change is visible through the Service. */
    private static final String SERVE_VERSION =
            "mkdir -p /www && echo $VERSION > /www/index.html && exec httpd -f -p 8080 -h /www";
    /** Bounds on the polling client: it never runs longer or sends more than this, whatever the rollout does. */
    private static final int MAX_REQUESTS = 3_000;
    private static final Duration MAX_POLLING = Duration.ofSeconds(150);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private Cluster cluster;
    private RuntimeClusterFixture fixture;

    /** The runtime the tests run on. */
    abstract TestRuntime runtime();

    @BeforeEach
    void start(TestInfo test) {
        fixture = RuntimeClusterFixture.start(runtime(), "wd-", test);
    }

    @AfterEach
    void stop() {
        fixture.closeAndAssertNothingLeft();
    }

    private Cluster startCluster() {
        cluster = fixture.startCluster();
        return cluster;
    }

    @Test
    void rollingUpdateKeepsEveryReplicaServing() throws Exception {
        startCluster().apply(web("1"));
        cluster.apply(Service.named("web").selector("app", "web").port(80, 8080).nodePort());
        await("3 ready web pods", () -> readyWebPods().size(), n -> n == 3);
        URI url = cluster.services().get("web").hostUrl();
        await("first version served", () -> get(url), "1"::equals);

        Poller poller = new Poller(url);
        CompletableFuture<Void> polling = CompletableFuture.runAsync(poller);
        try {
            cluster.apply(web("2"));
            DeploymentRollout rollout = DeploymentRollout.of(cluster.client(), cluster.clock(), "default", "web");
            await("rollout complete", rollout::status, s -> s.complete() || s.failed());
            assertThat(rollout.status().complete()).as(rollout.status().message()).isTrue();
            await("old pods gone", this::webPods, pods -> pods.size() == 3
                    && pods.stream().allMatch(p -> p.isReady() && p.metadata().deletionTimestamp() == null));
        } finally {
            poller.stop.set(true);
            polling.get(30, TimeUnit.SECONDS);
        }

        assertThat(poller.sent).as("requests sent during the rollout").isGreaterThan(10);
        assertThat(poller.failures).as("failed requests during the rollout").isEmpty();
        assertThat(poller.fewestReady).as("fewest Ready pods seen during the rollout").isGreaterThanOrEqualTo(3);
        assertThat(poller.answers).contains("1", "2").allMatch(a -> a.equals("1") || a.equals("2"));
        await("only the new version answers", () -> {
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(get(url));
            }
            return answers;
        }, answers -> answers.stream().allMatch("2"::equals));
    }

    @Test
    void statefulSetClaimKeepsDataWhenPodIsDeleted() {
        startCluster().apply(StatefulSet.named("db").replicas(1).serviceName("db").terminationGracePeriodSeconds(1L)
                .container("app", c -> c.image(BUSYBOX).command("sleep", "100000").mount("data", "/data"))
                .volumeClaimTemplate("data", pvc -> pvc.readWriteOnce().storage("1Gi")));
        Pod first = await("db-0 ready", () -> cluster.client().pods().get("db-0"),
                p -> p.isPresent() && p.get().isReady()).orElseThrow();
        PersistentVolumeClaim claim = cluster.client().persistentVolumeClaims().get("data-db-0").orElseThrow();
        assertThat(cluster.pod("db-0").exec("app", "sh", "-c", "echo kept > /data/file").succeeded()).isTrue();

        cluster.client().pods().delete("db-0");

        await("a new db-0 ready", () -> cluster.client().pods().get("db-0"),
                p -> p.isPresent() && p.get().isReady()
                        && !p.get().metadata().uid().equals(first.metadata().uid()));
        assertThat(cluster.pod("db-0").exec("app", "cat", "/data/file").stdout().trim()).isEqualTo("kept");
        assertThat(cluster.client().persistentVolumeClaims().get("data-db-0").orElseThrow().metadata().uid())
                .isEqualTo(claim.metadata().uid());
    }

    private static Deployment web(String version) {
        return Deployment.named("web").replicas(3).rollingUpdate(maxSurge(1), maxUnavailable(0))
                .terminationGracePeriodSeconds(1L)
                .container("httpd", c -> c.image(BUSYBOX).command("sh", "-c", SERVE_VERSION).port(8080)
                        .env("VERSION", version)
                        .readiness(Probe.http("/", 8080).periodSeconds(1)))
                .build();
    }

    private List<Pod> webPods() {
        return cluster.client().pods().list().stream().filter(p -> "web".equals(p.metadata().labels().get("app")))
                .toList();
    }

    /** Web pods that are Ready and not being deleted: the ones a Service may send traffic to. */
    private List<Pod> readyWebPods() {
        return webPods().stream().filter(p -> p.isReady() && p.metadata().deletionTimestamp() == null).toList();
    }

    /** One GET of {@code url}; the trimmed body, or an exception naming the status if it is not 200. */
    private static String get(URI url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            return response.body().trim();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Requests the Service and counts Ready web pods until stopped, at most {@link #MAX_REQUESTS} times and for
     * {@link #MAX_POLLING}. Fields are written by the polling thread and read after it finished.
     */
    private final class Poller implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final List<String> failures = new ArrayList<>();
        final List<String> answers = new ArrayList<>();
        final URI url;
        int sent;
        int fewestReady = Integer.MAX_VALUE;

        Poller(URI url) {
            this.url = url;
        }

        @Override
        public void run() {
            long deadline = System.nanoTime() + MAX_POLLING.toNanos();
            while (!stop.get() && sent < MAX_REQUESTS && System.nanoTime() < deadline) {
                sent++;
                try {
                    answers.add(get(url));
                } catch (RuntimeException e) {
                    failures.add("request " + sent + ": " + e);
                }
                fewestReady = Math.min(fewestReady, readyWebPods().size());
                pause(20);
            }
        }
    }

    /** Polls {@code value} every 200 ms until it passes {@code done}, failing after {@link #WAIT}. */
    private static <T> T await(String what, Supplier<T> value, Predicate<T> done) {
        return RuntimeClusterFixture.await(what, WAIT, value, done);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
