package io.flotilla.examples;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.ContainerStatus;
import io.flotilla.api.core.Pod;
import io.flotilla.core.Cluster;
import io.flotilla.core.controllers.deployment.DeploymentRollout;
import io.flotilla.core.diagnostics.ClusterReport;
import io.flotilla.core.startup.StartupReport;
import io.flotilla.examples.shop.ShopCluster;
import io.flotilla.examples.shop.ThreeTierShop;
import io.flotilla.examples.support.Await;
import io.flotilla.examples.support.Http;
import io.flotilla.examples.support.ServicePoller;
import io.flotilla.testkit.TestDocker;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code scripts/demo} runs: the {@link ThreeTierShop} on real Docker containers when an engine answers (else
 * on simulated nodes, saying so). It prints status tables while the shop converges, then a request through the web
 * Service's node port, a scale-up, a zero-downtime rolling update, a killed container healing, and a teardown that
 * leaves nothing behind. On failure it prints the cluster's diagnostics before rethrowing.
 */
public final class Demo {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String NS = ThreeTierShop.NAMESPACE;
    private final PrintStream out;
    private final boolean docker;

    Demo(PrintStream out, boolean docker) {
        this.out = out;
        this.docker = docker;
    }

    /** Runs the demo on Docker if an engine answers ({@code --simulated} forces simulated nodes); exits 0 when done. */
    public static void main(String[] args) {
        boolean docker = args.length > 0 ? args[0].equals("--docker") : TestDocker.answers();
        new Demo(System.out, docker).run();
        System.exit(0);
    }

    void run() {
        out.println("Flotilla demo: a three-tier shop (web x3, api x2, a StatefulSet db, a migration Job)");
        out.println(docker ? "Runtime: Docker at " + TestDocker.host() + ", one node, busybox images built locally"
                : "Runtime: simulated (no Docker engine answers; run as root or start dockerd for real containers)");
        ShopCluster shop = docker ? ShopCluster.onDocker("demo") : ShopCluster.simulated("demo");
        try (shop) {
            Cluster cluster = shop.cluster();
            try {
                start(cluster);
                request(cluster);
                scaleUp(cluster);
                rollingUpdate(cluster);
                killContainer(cluster);
            } catch (RuntimeException e) {
                out.println("\nA step failed: " + e.getMessage() + "\n" + ClusterReport.of(cluster, NS).fullDump());
                throw e;
            }
            out.println("\n6. Teardown: closing the cluster");
        }
        List<String> left = shop.leftovers();
        if (!left.isEmpty()) {
            throw new IllegalStateException("the demo left behind: " + left);
        }
        out.println("   nothing left: no container, sandbox, network or volume labelled io.flotilla.cluster=demo");
    }

    private void start(Cluster cluster) {
        out.println("\n1. Starting the shop by its start-up graph: db and web at once, migrate after db is Ready, "
                + "api after migrate Completed");
        long t0 = System.nanoTime();
        CompletableFuture<StartupReport> startup = CompletableFuture.supplyAsync(
                () -> ThreeTierShop.start(cluster, NS, WAIT), task -> Thread.ofVirtual().name("startup").start(task));
        String shown = "";
        while (true) {
            try {
                StartupReport report = startup.get(1500, TimeUnit.MILLISECONDS);
                out.printf("%n   all Ready in %.1f s:%n%s", (System.nanoTime() - t0) / 1e9, indent(report.toString()));
                showTables(cluster);
                return;
            } catch (TimeoutException e) {
                String tables = ClusterReport.of(cluster, NS).workloadTable();
                if (!tables.equals(shown)) {
                    out.printf("%n   after %.1f s:%n%s", (System.nanoTime() - t0) / 1e9, indent(tables));
                    shown = tables;
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private void request(Cluster cluster) {
        out.println("\n2. A request through the web Service (NodePort on 127.0.0.1) and one to api:");
        if (!docker) {
            out.println("   (simulated pods serve nothing real; on Docker the demo fetches the page here)");
            return;
        }
        URI web = cluster.services().hostUrl(NS, "web");
        out.println("   GET " + web + " -> " + Http.get(web));
        URI api = cluster.services().hostUrl(NS, "api");
        out.println("   GET " + api + " -> " + Http.get(api) + "   (the password itself is never printed)");
    }

    private void scaleUp(Cluster cluster) {
        out.println("\n3. Scaling web from 3 to 5 replicas:");
        DeploymentRollout.of(cluster.client(), cluster.clock(), NS, "web").scale(5);
        awaitWeb(cluster, 5);
        out.print(indent(ClusterReport.of(cluster, NS).workloadTable()));
    }

    private void rollingUpdate(Cluster cluster) {
        out.println("\n4. Rolling update of web to v2 (maxSurge 1, maxUnavailable 0), requests running throughout:");
        Deployment v2 = ThreeTierShop.web(NS, "v2").toBuilder().replicas(5).build();
        try (ServicePoller poller = docker ? ServicePoller.start(cluster.services().hostUrl(NS, "web")) : null) {
            cluster.apply(v2);
            DeploymentRollout rollout = DeploymentRollout.of(cluster.client(), cluster.clock(), NS, "web");
            Await.until("the rolling update", WAIT, () -> rollout.status().complete() && webPods(cluster).size() == 5
                    && webPods(cluster).stream().allMatch(p -> p.isReady() && isVersion(p, "v2")));
            if (poller != null) {
                out.println("   " + poller.summary());
                out.println("   the page now: " + Http.get(cluster.services().hostUrl(NS, "web")));
            }
        }
        out.print(indent(ClusterReport.of(cluster, NS).podTable()));
    }

    private void killContainer(Cluster cluster) {
        Pod victim = webPods(cluster).get(0);
        ContainerStatus status = victim.status().containerStatuses().get(0);
        int restarts = status.restartCount() == null ? 0 : status.restartCount();
        out.println("\n5. Killing the container of " + victim.metadata().name() + " (through its node's runtime):");
        String containerId = status.containerID().substring(status.containerID().indexOf("://") + 3);
        cluster.nodes().agent(victim.spec().nodeName()).orElseThrow().runtime()
                .stopContainer(containerId, Duration.ZERO);
        Await.until("the killed container to restart", WAIT, () -> cluster.client().pods().inNamespace(NS)
                .get(victim.metadata().name()).filter(Pod::isReady)
                .map(p -> p.status().containerStatuses().get(0).restartCount())
                .filter(n -> n != null && n > restarts).isPresent());
        out.println("   the node agent restarted it in place (same pod, same IP, RESTARTS went up):");
        out.print(indent(ClusterReport.of(cluster, NS).podTable()));
        if (docker) {
            out.println("   the Service still answers: " + Http.get(cluster.services().hostUrl(NS, "web")));
        }
    }

    private void showTables(Cluster cluster) {
        ClusterReport report = ClusterReport.of(cluster, NS);
        out.print(indent(report.workloadTable()));
        out.print(indent(report.podTable()));
    }

    private void awaitWeb(Cluster cluster, int replicas) {
        Await.until(replicas + " available web pods", WAIT, () -> {
            Deployment web = cluster.client().deployments().inNamespace(NS).get("web").orElseThrow();
            return web.status() != null && Integer.valueOf(replicas).equals(web.status().availableReplicas())
                    && webPods(cluster).stream().filter(Pod::isReady).count() == replicas;
        });
    }

    private static List<Pod> webPods(Cluster cluster) {
        return cluster.client().pods().inNamespace(NS).list().stream()
                .filter(p -> "web".equals(p.metadata().labels().get("app")) && !p.metadata().isDeleting())
                .filter(p -> p.status() != null && !p.status().containerStatuses().isEmpty())
                .sorted(Comparator.comparing(p -> p.metadata().name())).toList();
    }

    private static boolean isVersion(Pod pod, String version) {
        return pod.spec().containers().get(0).envVar("VERSION").map(v -> version.equals(v.value())).orElse(false);
    }

    private static String indent(String text) {
        return text.lines().map(l -> "   " + l + "\n").reduce("", String::concat);
    }
}
