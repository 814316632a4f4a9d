package io.flotilla.examples;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Volume;
import io.flotilla.core.Cluster;
import io.flotilla.runtime.docker.DockerRuntime;
import io.flotilla.testkit.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The process {@link RestartSafetyIT} kills: starts a cluster with the id given as its argument, with nodes
 * "local" and "spare" on the local Docker engine, runs {@link #applyWorkload the workload}, prints
 * {@value #READY} once every pod runs, and then waits to be killed. Exits with status 2 if the pods do not run
 * within a minute.
 */
final class RestartSafetyChild {
    /** The line printed once every pod runs. */
    static final String READY = "flotilla-child-ready";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private RestartSafetyChild() {
    }

    /** Runs the child: {@code args[0]} is the cluster id. */
    public static void main(String[] args) throws InterruptedException {
        // one runtime for both nodes: two instances on one engine may race creating the cluster's network
        DockerRuntime engine = DockerRuntime.local();
        Cluster cluster = Cluster.builder().id(args[0]).node("local", engine).node("spare", engine).start();
        applyWorkload(cluster, "spare");
        try {
            awaitRunning(cluster);
        } catch (AssertionError e) {
            e.printStackTrace();
            System.exit(2);
        }
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /**
     * Applies a Deployment "web" of 2 and a pod "db" mounting claim "data" and an emptyDir, on {@code dbNode}
     * (or wherever the scheduler puts it when {@code null}).
     */
    static void applyWorkload(Cluster cluster, String dbNode) {
        cluster.apply(PersistentVolumeClaim.named("data").readWriteOnce().storage("1Gi"));
        Pod.Builder db = Pod.named("db").terminationGracePeriodSeconds(1L)
                .container("app", c -> c.image(TestImages.BUSYBOX).command("sleep", "100000")
                        .mount("data", "/data").mount("scratch", "/scratch"))
                .volume(Volume.persistentVolumeClaim("data", "data"))
                .volume(Volume.emptyDir("scratch"));
        cluster.apply(dbNode == null ? db : db.nodeName(dbNode));
        cluster.apply(Deployment.named("web").replicas(2).terminationGracePeriodSeconds(1L)
                .container("app", c -> c.image(TestImages.BUSYBOX).command("sleep", "100000")));
    }

    /** Waits until the workload's 3 pods run; returns them. */
    static List<Pod> awaitRunning(Cluster cluster) {
        return DockerClusterFixture.await("the 3 pods running", WAIT, () -> cluster.client().pods().list(),
                pods -> pods.size() == 3 && pods.stream().allMatch(Pod::isReady));
    }
}
