package io.flotilla.benchmarks.controllers;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.core.Cluster;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.controllers.deployment.DeploymentRollout;
import io.flotilla.core.node.NodeAgentConfig;
import io.flotilla.core.sim.Scenario;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Scales one Deployment from 0 to N replicas on a cluster of simulated nodes and then rolls all of them to a new
 * image, timing each until every pod is Running and Ready (and, for the rollout, the Deployment reports it complete).
 * Everything runs through {@link Cluster}: the node agents on the simulated runtime, the scheduler, the ReplicaSet and
 * Deployment controllers, on the system clock.
 *
 * <p>Arguments: {@code [nodes [replicas]]}, default 1,000 nodes and 10,000 replicas. Prints the two figures and the
 * summary line {@code scale 0 to <N> seconds: S}.
 */
public final class DeploymentScaleBenchmark {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private DeploymentScaleBenchmark() {
    }

    /**
     * Runs the harness.
     *
     * @param args optional node count and replica count
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int replicas = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        try (Cluster cluster = Cluster.builder().simulatedNodes(nodes, Scenario.create(), NodeAgentConfig.defaults())
                .start()) {
            Lister<Node> nodeLister = cluster.informers().lister(Node.TYPE);
            Lister<Pod> pods = cluster.informers().lister(Pod.TYPE);
            long setup = System.nanoTime();
            await("nodes registered", () -> nodeLister.size() >= nodes);
            System.out.printf(Locale.ROOT, "%d nodes registered in %.1f s%n", nodes, seconds(setup));

            cluster.apply(deployment(0, "bench:1"));
            DeploymentRollout rollout = DeploymentRollout.of(cluster.client(), cluster.clock(), "default", "bench");
            long start = System.nanoTime();
            rollout.scale(replicas);
            await("all pods created", () -> pods.list("default").size() >= replicas);
            System.out.printf(Locale.ROOT, "  pods created: %.2f s%n", seconds(start));
            await("all pods bound", () -> pods.list("default").stream().filter(p -> p.nodeName() != null).count()
                    >= replicas);
            System.out.printf(Locale.ROOT, "  pods bound: %.2f s%n", seconds(start));
            await("all pods ready", () -> readyPods(pods, "bench:1") >= replicas);
            double scaleUp = seconds(start);
            System.out.printf(Locale.ROOT, "scale 0 to %d: %.2f s%n", replicas, scaleUp);

            start = System.nanoTime();
            cluster.apply(deployment(replicas, "bench:2"));
            await("rollout complete", () -> readyPods(pods, "bench:2") >= replicas && rollout.status().complete());
            double rolling = seconds(start);
            System.out.printf(Locale.ROOT, "rolling update of %d: %.2f s%n", replicas, rolling);
            System.out.printf(Locale.ROOT, "scale 0 to %d seconds: %.2f%n", replicas, scaleUp);
        }
    }

    private static Deployment deployment(int replicas, String image) {
        return Deployment.named("bench").replicas(replicas)
                .container("app", c -> c.image(image).resources(r -> r.cpu("10m").memory("16Mi")))
                .build();
    }

    private static long readyPods(Lister<Pod> pods, String image) {
        return pods.list("default").stream()
                .filter(p -> !p.metadata().isDeleting() && PodStatus.RUNNING.equals(p.phase()) && p.isReady())
                .filter(p -> image.equals(p.spec().containers().getFirst().image()))
                .count();
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
