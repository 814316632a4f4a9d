package io.flotilla.benchmarks.node;

import com.sun.management.OperatingSystemMXBean;
import io.flotilla.api.coordination.Lease;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.core.Cluster;
import io.flotilla.core.node.NodeAgentConfig;
import io.flotilla.core.sim.Scenario;
import io.flotilla.core.time.VirtualClock;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Scale harness for the node agent: N simulated nodes (default 1,000) each holding 20 pods, on a virtual clock
 * advanced in one-second steps, so heartbeats (Lease every 10 s), relists (every 1 s) and status reports (every
 * minute) all run as scheduled while the measurement stays independent of wall-clock speed. Prints the retained
 * heap per pod (whole cluster, and minus the same pods stored in a cluster without agents) and the CPU per pod
 * per virtual minute of steady state, and checks that every Lease is fresh, every node Ready and every pod Running.
 *
 * <p>Usage: {@code NodeAgentScale [nodes] [podsPerNode] [steadyMinutes]}.
 */
public final class NodeAgentScale {
    private NodeAgentScale() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int perNode = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int minutes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int pods = nodes * perNode;

        long storeOnly = storedPodsOnly(nodes, perNode);
        VirtualClock clock = VirtualClock.create();
        long h0 = usedAfterGc();
        long t0 = System.nanoTime();
        try (Cluster cluster = Cluster.builder().id("scale").clock(clock)
                .simulatedNodes(nodes, Scenario.create(), NodeAgentConfig.defaults()).start()) {
            long registered = System.nanoTime();
            applyPods(cluster, nodes, perNode);
            int running = 0;
            int steps = 0;
            while (running < pods && steps++ < 600) {
                clock.advance(Duration.ofSeconds(1));
                running = (int) cluster.informers().lister(Pod.TYPE).list().stream()
                        .filter(p -> p.status() != null && PodStatus.RUNNING.equals(p.status().phase())).count();
            }
            long allRunning = System.nanoTime();
            long h1 = usedAfterGc();

            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            for (int s = 0; s < minutes * 60; s++) {
                clock.advance(Duration.ofSeconds(1));
            }
            long cpu = os.getProcessCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;

            Instant now = clock.now();
            List<Lease> leases = cluster.client().leases().inNamespace("kube-node-lease").list();
            long fresh = leases.stream().filter(l -> Duration.between(l.spec().renewTime(), now).toSeconds() <= 10)
                    .count();
            long ready = cluster.client().nodes().list().stream().filter(Node::isReady).count();
            long stillRunning = cluster.client().pods().inAnyNamespace().list().stream()
                    .filter(p -> PodStatus.RUNNING.equals(p.phase())).count();

            System.out.printf("nodes=%d pods=%d (%d per node)%n", nodes, pods, perNode);
            System.out.printf("start: nodes registered in %.1f s, all pods Running after %d virtual s, %.1f s real%n",
                    (registered - t0) / 1e9, steps, (allRunning - registered) / 1e9);
            System.out.printf("heap per pod: %.1f KiB whole cluster, %.1f KiB stored pods alone, %.1f KiB agent+sim%n",
                    (h1 - h0) / 1024.0 / pods, storeOnly / 1024.0 / pods, (h1 - h0 - storeOnly) / 1024.0 / pods);
            System.out.printf("steady state %d virtual min in %.1f s real: CPU %.1f us per pod per virtual min%n",
                    minutes, wall / 1e9, cpu / 1e3 / pods / minutes);
            System.out.printf("current: %d/%d leases renewed within 10 s, %d/%d nodes Ready, %d/%d pods Running%n",
                    fresh, nodes, ready, nodes, stillRunning, pods);
        }
        System.exit(0);
    }

    private static void applyPods(Cluster cluster, int nodes, int perNode) {
        for (int n = 0; n < nodes; n++) {
            String node = String.format("sim-%04d", n + 1);
            for (int i = 0; i < perNode; i++) {
                cluster.apply(Pod.named(node + "-p" + i).label("app", "bench").nodeName(node)
                        .container("app", c -> c.image("busybox:1").port(8080)
                                .resources(r -> r.cpu("10m").memory("16Mi"))));
            }
        }
    }

    /** The retained heap of the same pods, Running, in a cluster without agents. */
    private static long storedPodsOnly(int nodes, int perNode) {
        long before = usedAfterGc();
        try (Cluster cluster = Cluster.builder().id("control").clock(VirtualClock.create()).start()) {
            applyPods(cluster, nodes, perNode);
            for (Pod p : cluster.client().pods().list()) {
                cluster.client().pods().updateStatus(p.withStatus(PodStatus.of(PodStatus.RUNNING)));
            }
            return usedAfterGc() - before;
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
