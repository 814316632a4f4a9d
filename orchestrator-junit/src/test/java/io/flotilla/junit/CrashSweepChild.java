package io.flotilla.junit;

import io.flotilla.api.core.Pod;
import io.flotilla.core.Cluster;
import io.flotilla.core.sim.Scenario;
import io.flotilla.junit.internal.ManagedCluster;
import io.flotilla.testkit.TestImages;

/**
 * The JVM {@link CrashSweepIT} kills: starts a test cluster on Docker as the extension does, runs a pod, prints the
 * cluster id, then waits to be killed (bounded: it exits by itself after two minutes).
 */
final class CrashSweepChild {
    private CrashSweepChild() {
    }

    public static void main(String[] args) throws Exception {
        Cluster cluster = ManagedCluster.start(TestRuntime.DOCKER, 1, Scenario.create()).cluster();
        cluster.apply(io.flotilla.api.core.Namespace.named("crash"));
        cluster.apply(Pod.named("sleeper").namespace("crash")
                .container("sleep", c -> c.image(TestImages.BUSYBOX).command("sleep", "600")));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && !cluster.client().pods().inNamespace("crash").get("sleeper")
                .map(Pod::isReady).orElse(false)) {
            Thread.sleep(100);
        }
        System.out.println("CLUSTER " + cluster.id());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
