package io.flotilla.examples;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Pod;
import io.flotilla.api.manifest.ManifestException;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.api.meta.Resource;
import io.flotilla.core.Cluster;
import io.flotilla.core.ClusterBuilder;
import io.flotilla.core.controllers.deployment.DeploymentRollout;
import io.flotilla.core.node.NodeAgentConfig;
import io.flotilla.core.sim.Scenario;
import io.flotilla.core.sim.SimBehavior;
import io.flotilla.runtime.docker.DockerRuntime;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * What {@code scripts/demo} runs: a small shop from plain Kubernetes YAML on real Docker containers when an engine
 * answers (else on the simulated runtime, saying so), then self-healing, scaling, a rolling restart, refusal of a
 * broken manifest, and a user reconciler whose objects the garbage collector removes.
 */
public final class Demo {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SHOP = "shop";
    private final PrintStream out;
    private final boolean docker;

    Demo(PrintStream out, boolean docker) {
        this.out = out;
        this.docker = docker;
    }

    /** Runs the demo on Docker if an engine answers, else on the simulated runtime; exits non-zero on failure. */
    public static void main(String[] args) throws Exception {
        boolean docker = args.length > 0 ? args[0].equals("--docker") : TestDocker.answers();
        new Demo(System.out, docker).run();
        System.exit(0);
    }

    void run() throws IOException, InterruptedException {
        out.println("Flotilla demo: an embedded control plane running a shop from Kubernetes YAML");
        try (Cluster cluster = cluster()) {
            try {
                applyShop(cluster);
                showPods(cluster, "2. The web Deployment is available; its pods:");
                fetchPage(cluster);
                selfHeal(cluster);
                scaleAndRestart(cluster);
                refuseBadManifest(cluster);
                runReconciler(cluster);
            } catch (IllegalStateException e) {
                diagnose(cluster);
                throw e;
            }
        }
        out.println("\nDone: closing the cluster removed every container, sandbox and volume it created.");
    }

    private Cluster cluster() {
        ClusterBuilder builder = Cluster.builder().id("demo");
        if (docker) {
            out.println("Runtime: Docker at " + TestDocker.host() + " (one node, \"local\"; images "
                    + TestImages.BUSYBOX + " and " + TestImages.PAUSE + " built locally from busybox)");
            TestImages.ensureBuilt(TestDocker.client());
            return builder.node("local", DockerRuntime.local()).start();
        }
        out.println("Runtime: simulated (no Docker engine answers; run as root or start dockerd for real containers)");
        Scenario scenario = Scenario.create().forImage(TestImages.BUSYBOX,
                SimBehavior.runsForever().serves(8080, "/", 200, "<h1>Flotilla shop</h1>"));
        return builder.simulatedNodes(2, scenario, NodeAgentConfig.defaults()).start();
    }

    private void applyShop(Cluster cluster) throws IOException, InterruptedException {
        out.println("\n1. Applying demo/shop.yaml (plain Kubernetes YAML):");
        List<Resource> applied;
        try (InputStream in = Demo.class.getResourceAsStream("/demo/shop.yaml")) {
            applied = cluster.applyYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (Resource r : applied) {
            out.printf("   %-11s %s%n", r.kind(), (r.metadata().namespace() == null ? "" : r.metadata().namespace()
                    + "/") + r.metadata().name());
        }
        Deployment web = deployment(cluster);
        out.println("   defaults filled in as Kubernetes would: strategy " + web.spec().strategy().type()
                + " " + web.spec().strategy().rollingUpdate().maxSurge() + "/"
                + web.spec().strategy().rollingUpdate().maxUnavailable() + ", revisionHistoryLimit "
                + web.spec().revisionHistoryLimit());
        out.println("   the Secret prints as " + cluster.client().secrets().inNamespace(SHOP).get("db").orElseThrow());
        awaitAvailable(cluster, 2);
    }

    private void fetchPage(Cluster cluster) throws IOException, InterruptedException {
        if (!docker) {
            out.println("   (simulated pods have no reachable IPs; on Docker the demo fetches the page here)");
            return;
        }
        Pod pod = pods(cluster).get(0);
        URI url = URI.create("http://" + pod.status().podIP() + ":8080/");
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            out.println("   GET " + url + " -> " + body.strip() + "   (busybox httpd serving the ConfigMap volume)");
        }
    }

    private void selfHeal(Cluster cluster) throws InterruptedException {
        Pod victim = pods(cluster).get(0);
        out.println("\n3. Self-healing: deleting pod " + victim.metadata().name());
        cluster.client().pods().inNamespace(SHOP).delete(victim.metadata().name());
        await("a replacement pod", () -> available(cluster) == 2
                && pods(cluster).stream().filter(Pod::isReady).count() == 2
                && pods(cluster).stream().noneMatch(p -> p.metadata().name().equals(victim.metadata().name())));
        showPods(cluster, "   the ReplicaSet replaced it:");
    }

    private void scaleAndRestart(Cluster cluster) throws InterruptedException {
        DeploymentRollout rollout = DeploymentRollout.of(cluster.client(), cluster.clock(), SHOP, "web");
        out.println("\n4. Scaling to 3, then a rolling restart (maxSurge 25%, maxUnavailable 25%):");
        rollout.scale(3);
        awaitAvailable(cluster, 3);
        Set<String> before = names(pods(cluster));
        rollout.restart();
        await("the rolling restart", () -> rollout.status().complete() && available(cluster) == 3
                && pods(cluster).stream().filter(Pod::isReady).count() == 3
                && names(pods(cluster)).stream().noneMatch(before::contains));
        showPods(cluster, "   every pod was replaced by the rolling restart:");
        out.println("   revisions: " + rollout.history().stream().map(r -> r.revision() + " (" + r.replicaSet() + ")")
                .collect(Collectors.joining(", ")));
    }

    private void refuseBadManifest(Cluster cluster) {
        out.println("\n5. A broken manifest is refused whole, every problem named:");
        try {
            cluster.applyYaml("""
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: api, namespace: shop}
                    spec:
                      replicas: -1
                      selector: {matchLabels: {app: api}}
                      template:
                        metadata: {labels: {app: other}}
                        spec:
                          containers:
                            - {name: api, image: api:1, ports: [{containerPort: 70000}]}
                    """);
            throw new IllegalStateException("the broken manifest was accepted");
        } catch (ManifestException e) {
            e.errors().forEach(error -> out.println("   " + error));
        }
    }

    private void runReconciler(Cluster cluster) throws InterruptedException {
        out.println("\n6. A user reconciler (ConfigMap -> an upper-cased copy it owns), fed by watches:");
        cluster.controllers().controller("shouter").forType(ConfigMap.TYPE).reconciler(request -> {
            cluster.client().configMaps().inNamespace(request.namespace()).get(request.name())
                    .filter(cm -> !cm.metadata().name().endsWith("-loud") && cm.data().containsKey("text"))
                    .ifPresent(cm -> cluster.client().configMaps().apply(ConfigMap.named(cm.metadata().name() + "-loud")
                            .namespace(cm.metadata().namespace())
                            .ownerReference(OwnerReference.controlledBy(cm))
                            .data("text", cm.data().get("text").toUpperCase(Locale.ROOT)).build()));
            return Result.done();
        });
        cluster.apply(ConfigMap.named("greeting").namespace(SHOP).data("text", "hello, flotilla"));
        await("the reconciler to write greeting-loud", () -> loud(cluster) != null);
        out.println("   greeting-loud: " + loud(cluster).data().get("text"));
        cluster.client().configMaps().inNamespace(SHOP).delete("greeting");
        await("the garbage collector to remove greeting-loud", () -> loud(cluster) == null);
        out.println("   deleted greeting: the garbage collector removed greeting-loud (ownerReferences)");
    }

    private void showPods(Cluster cluster, String title) {
        out.println(title);
        out.printf("   %-22s %-6s %-8s %-9s %-9s %s%n", "NAME", "READY", "STATUS", "RESTARTS", "NODE", "IP");
        for (Pod p : pods(cluster)) {
            int restarts = p.status().containerStatuses().stream().mapToInt(s -> s.restartCount() == null ? 0
                    : s.restartCount()).sum();
            out.printf("   %-22s %-6s %-8s %-9d %-9s %s%n", p.metadata().name(), p.isReady() ? "1/1" : "0/1",
                    p.status().phase(), restarts, p.spec().nodeName(), p.status().podIP());
        }
    }

    /** What a user would look at when a step does not converge: pods, their waiting reasons, warning events. */
    private void diagnose(Cluster cluster) {
        out.println("\nA step did not converge. Pods:");
        for (Pod p : cluster.client().pods().inNamespace(SHOP).list()) {
            out.println("   " + p.metadata().name() + " node=" + p.spec().nodeName() + " phase="
                    + (p.status() == null ? null : p.status().phase()) + " containers=" + (p.status() == null ? ""
                    : p.status().containerStatuses().stream().map(c -> c.name() + ":" + c.state())
                    .collect(Collectors.joining(", "))));
        }
        out.println("Warning events:");
        cluster.client().events().list().stream().filter(e -> "Warning".equals(e.eventType()))
                .forEach(e -> out.println("   " + e.involvedObject().name() + " " + e.reason() + ": " + e.message()));
    }

    private static List<Pod> pods(Cluster cluster) {
        return cluster.client().pods().inNamespace(SHOP).list().stream()
                .filter(p -> "web".equals(p.metadata().labels().get("app")) && !p.metadata().isDeleting())
                .filter(p -> p.status() != null)
                .sorted(Comparator.comparing(p -> p.metadata().name())).toList();
    }

    private static Set<String> names(List<Pod> pods) {
        return pods.stream().map(p -> p.metadata().name()).collect(Collectors.toSet());
    }

    private static Deployment deployment(Cluster cluster) {
        return cluster.client().deployments().inNamespace(SHOP).get("web").orElseThrow();
    }

    private static int available(Cluster cluster) {
        Deployment web = deployment(cluster);
        Integer n = web.status() == null ? null : web.status().availableReplicas();
        return n == null ? 0 : n;
    }

    private void awaitAvailable(Cluster cluster, int replicas) throws InterruptedException {
        await(replicas + " available web pods", () -> available(cluster) == replicas
                && pods(cluster).stream().filter(Pod::isReady).count() == replicas);
    }

    private static ConfigMap loud(Cluster cluster) {
        return cluster.client().configMaps().inNamespace(SHOP).get("greeting-loud").orElse(null);
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + WAIT + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
