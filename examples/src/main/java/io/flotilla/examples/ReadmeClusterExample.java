package io.flotilla.examples;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Probe;
import io.flotilla.api.core.Service;
import io.flotilla.api.core.Volume;
import io.flotilla.core.Cluster;
import io.flotilla.core.controllers.deployment.DeploymentRollout;
import io.flotilla.core.scheduler.Scheduling;
import io.flotilla.runtime.docker.DockerRuntime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The README's "Running it" example, verbatim between the markers ({@code ReadmeExampleTest} keeps them equal);
 * {@code ReadmeClusterExampleIT} runs it on real Docker.
 */
public final class ReadmeClusterExample {
    private ReadmeClusterExample() {
    }

    /** Runs the example against the local Docker engine and returns the page the Service served. */
    public static String run() throws IOException, InterruptedException {
        // README:start
        try (Cluster cluster = Cluster.builder()
                .node("local", DockerRuntime.local())                    // unix socket or DOCKER_HOST
                .scheduling(Scheduling.binPacking())
                .start()) {
            cluster.apply(ConfigMap.named("site").data("index.html", "<h1>hello</h1>"));
            cluster.apply(Deployment.named("web")
                    .replicas(2)
                    .container("httpd", c -> c.image("flotilla-test/busybox:1")
                            .command("httpd", "-f", "-p", "8080", "-h", "/www").port(8080)
                            .readiness(Probe.http("/", 8080))
                            .mount("site", "/www"))
                    .volume(Volume.configMap("site")));
            cluster.apply(Service.named("web").selector("app", "web").port(80, 8080).nodePort());

            awaitReady(cluster, "app", "web", 2, Duration.ofSeconds(60));
            URI url = cluster.services().get("web").hostUrl();               // http://127.0.0.1:3xxxx
            DeploymentRollout.of(cluster.client(), cluster.clock(), "default", "web").scale(3);
            String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Pod first = cluster.client().pods().list().stream().filter(Pod::isReady).findFirst().orElseThrow();
            String log = cluster.pod(first.metadata().name()).logs("httpd");
            return page;
        }
        // README:end
    }

    /** Waits until {@code count} pods labelled {@code key=value} are Ready. */
    static void awaitReady(Cluster cluster, String key, String value, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (cluster.client().pods().list().stream()
                .filter(p -> value.equals(p.metadata().labels().get(key))).filter(Pod::isReady).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pods " + key + "=" + value + " not ready within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
