package io.flotilla.benchmarks.controllers;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.core.Cluster;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.controllers.deployment.DeploymentRollout;
import io.flotilla.core.node.NodeAgentConfig;
import io.flotilla.core.sim.Scenario;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Scales one Deployment from 0 to N replicas on a cluster of simulated nodes and then rolls all of them to a new
 * image, timing each until every pod is Running and Ready (and, for the rollout, the Deployment reports it complete).
 * Everything runs through {@link Cluster}: the node agents on the simulated runtime, the scheduler, the ReplicaSet and
 * Deployment controllers, on the system clock.
 *
 * <p>Arguments: {@code [nodes [replicas [warmup]]]}, default 1,000 nodes, 10,000 replicas and no warm-up; with a
 * warm-up, the Deployment is first scaled to {@code warmup} replicas and back to 0 (untimed), so that the timed
 * phases run on compiled code rather than paying the JIT compiler of a fresh JVM. Prints each phase's wall time,
 * the CPU time the process used in it (wall time on a shared machine depends on the other load; CPU time much
 * less), the API requests by verb and kind, and the summary line {@code scale 0 to <N> seconds: S}.
 */
public final class DeploymentScaleBenchmark {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final String NAMESPACE = "default";

    private DeploymentScaleBenchmark() {
    }

    /**
     * Runs the harness.
     *
     * @param args optional node count, replica count and warm-up replica count (default 0: a cold JVM)
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int replicas = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Cluster cluster = Cluster.builder().meterRegistry(meters)
                .simulatedNodes(nodes, Scenario.create(), NodeAgentConfig.defaults()).start()) {
            Lister<Node> nodeLister = cluster.informers().lister(Node.TYPE);
            PodProgress pods = new PodProgress(NAMESPACE);
            cluster.informers().addHandler(Pod.TYPE, pods);
            Phase phase = Phase.start();
            await("nodes registered", () -> nodeLister.size() >= nodes);
            System.out.printf(Locale.ROOT, "%d nodes registered in %.1f s%n", nodes, phase.seconds());

            cluster.apply(deployment(0, "bench:1"));
            DeploymentRollout rollout = DeploymentRollout.of(cluster.client(), cluster.clock(), NAMESPACE, "bench");
            if (warmup > 0) {
                warmUp(rollout, pods, warmup);
            }
            Map<String, Long> before = requests(meters);
            phase = Phase.start();
            mark("scale-up start");
            rollout.scale(replicas);
            await("all pods created", () -> pods.present() >= replicas);
            System.out.printf(Locale.ROOT, "  pods created: %.2f s%n", phase.seconds());
            await("all pods bound", () -> pods.bound() >= replicas);
            System.out.printf(Locale.ROOT, "  pods bound: %.2f s%n", phase.seconds());
            await("all pods ready", () -> pods.ready("bench:1") >= replicas);
            double scaleUp = phase.seconds();
            mark("scale-up end");
            System.out.printf(Locale.ROOT, "scale 0 to %d: %.2f s (%s)%n", replicas, scaleUp, phase.usage());
            printRequests(before, requests(meters), replicas);

            before = requests(meters);
            phase = Phase.start();
            mark("rollout start");
            cluster.apply(deployment(replicas, "bench:2"));
            await("rollout complete", () -> pods.ready("bench:2") >= replicas && rollout.status().complete());
            double rolling = phase.seconds();
            mark("rollout end");
            System.out.printf(Locale.ROOT, "rolling update of %d: %.2f s (%s)%n", replicas, rolling, phase.usage());
            printRequests(before, requests(meters), replicas);
            System.out.printf(Locale.ROOT, "scale 0 to %d seconds: %.2f%n", replicas, scaleUp);
        }
    }

    /** Scales to {@code replicas} until all are Ready, then back to 0 until every pod is gone; untimed. */
    private static void warmUp(DeploymentRollout rollout, PodProgress pods, int replicas) throws InterruptedException {
        Phase phase = Phase.start();
        rollout.scale(replicas);
        await("warm-up pods ready", () -> pods.ready("bench:1") >= replicas);
        rollout.scale(0);
        await("warm-up pods gone", () -> pods.present() == 0);
        System.out.printf(Locale.ROOT, "warm-up 0 to %d to 0: %.2f s (%s)%n", replicas, phase.seconds(),
                phase.usage());
    }

    /** With {@code -Dbench.marks=true}, prints the wall-clock time (epoch ms) of a phase mark, to cut a profile. */
    private static void mark(String what) {
        if (Boolean.getBoolean("bench.marks")) {
            System.out.printf(Locale.ROOT, "  mark %s: %d%n", what, System.currentTimeMillis());
        }
    }

    private static Deployment deployment(int replicas, String image) {
        return Deployment.named("bench").replicas(replicas)
                .container("app", c -> c.image(image).resources(r -> r.cpu("10m").memory("16Mi")))
                .build();
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /**
     * Counters so far: successful API requests by {@code verb kind} (count), and reconciles by {@code controller}
     * (count, and total milliseconds under the key with a {@code ms} suffix).
     */
    private static Map<String, Long> requests(SimpleMeterRegistry meters) {
        Map<String, Long> out = new TreeMap<>();
        for (Timer t : meters.find("flotilla.apiserver.requests").tag("outcome", "success").timers()) {
            out.merge(t.getId().getTag("verb") + " " + t.getId().getTag("kind"), t.count(), Long::sum);
        }
        for (Timer t : meters.find("flotilla.controller.reconcile").timers()) {
            String controller = "reconcile " + t.getId().getTag("controller");
            out.merge(controller, t.count(), Long::sum);
            out.merge(controller + " ms", (long) t.totalTime(TimeUnit.MILLISECONDS), Long::sum);
        }
        return out;
    }

    private static void printRequests(Map<String, Long> before, Map<String, Long> after, int replicas) {
        StringBuilder writes = new StringBuilder("  API writes per pod:");
        StringBuilder reconciles = new StringBuilder("  reconciles (count, total s):");
        after.forEach((key, count) -> {
            long n = count - before.getOrDefault(key, 0L);
            if (n <= 0 || key.startsWith("get ") || key.startsWith("list ") || key.startsWith("watch ")) {
                return;
            }
            if (!key.startsWith("reconcile ")) {
                writes.append(String.format(Locale.ROOT, " %s %.2f,", key, (double) n / replicas));
            } else if (!key.endsWith(" ms")) {
                long ms = after.getOrDefault(key + " ms", 0L) - before.getOrDefault(key + " ms", 0L);
                reconciles.append(String.format(Locale.ROOT, " %s %d %.1f,", key.substring(10), n, ms / 1e3));
            }
        });
        System.out.println(writes.substring(0, writes.length() - 1));
        System.out.println(reconciles.substring(0, reconciles.length() - 1));
    }

    /** A phase's start: wall clock, process CPU time, GC time and the JIT compiler threads' CPU time. */
    private record Phase(long wallNanos, long cpuNanos, long gcMillis, long jitMillis) {
        static Phase start() {
            return new Phase(System.nanoTime(), processCpuNanos(), totalGcMillis(), CompilerCpu.millis());
        }

        double seconds() {
            return (System.nanoTime() - wallNanos) / 1e9;
        }

        /** CPU, GC and JIT compiler CPU time (part of the CPU time) and the load average. */
        String usage() {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long jit = CompilerCpu.millis();
            return String.format(Locale.ROOT, "process CPU %.1f s (JIT compiler %s), GC %.1f s, load average %.1f",
                    (processCpuNanos() - cpuNanos) / 1e9,
                    jit < 0 || jitMillis < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f s", (jit - jitMillis) / 1e3),
                    (totalGcMillis() - gcMillis) / 1e3, load);
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        private static long totalGcMillis() {
            long total = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                total += Math.max(0, gc.getCollectionTime());
            }
            return total;
        }
    }
}
