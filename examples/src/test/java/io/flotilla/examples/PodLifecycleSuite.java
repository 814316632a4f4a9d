package io.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.ContainerStatus;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Probe;
import io.flotilla.api.core.Volume;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.core.Cluster;
import io.flotilla.testkit.TestImages;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Issue 6's acceptance on a real runtime, through {@link Cluster}: containers of a pod share localhost, a killed
 * container is restarted in place, a failing liveness probe restarts its container, a ConfigMap update reaches a
 * running pod's files, PVC data outlives its pod, and {@code close()} leaves nothing with the cluster's label. Each
 * runtime runs it through a subclass that names the runtime and requires it ({@link DockerPodLifecycleIT},
 * {@link ContainerdPodLifecycleIT}).
 */
abstract class PodLifecycleSuite {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** How soon a killed container must be running again (its first restart has no back-off). */
    private static final Duration RESTART = Duration.ofSeconds(10);
    private static final String BUSYBOX = TestImages.BUSYBOX;
    private String id;
    private Cluster cluster;
    private RuntimeClusterFixture fixture;

    /** The runtime the tests run on. */
    abstract TestRuntime runtime();

    @BeforeEach
    void start(TestInfo test) {
        fixture = RuntimeClusterFixture.start(runtime(), "lc-", test);
        id = fixture.id();
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
    void containersOfAPodShareLocalhost() {
        startCluster().apply(Pod.named("duo").terminationGracePeriodSeconds(1L)
                .container("web", c -> c.image(BUSYBOX).command("sh", "-c",
                        "mkdir -p /www && echo hello-from-web > /www/index.html && exec httpd -f -p 8080 -h /www"))
                .container("client", c -> c.image(BUSYBOX).command("sh", "-c",
                        "while true; do wget -qO- http://127.0.0.1:8080/; sleep 1; done")));

        String log = await("client log with the page", () -> cluster.pod("duo").logs("client"),
                l -> l.contains("hello-from-web"));
        assertThat(log).contains("hello-from-web");
    }

    @Test
    void killedContainerIsRestartedWithTheSamePodIp() {
        startCluster().apply(Pod.named("victim").terminationGracePeriodSeconds(1L)
                .container("app", c -> c.image(BUSYBOX).command("sleep", "100000")));
        Pod running = awaitRunning("victim");
        String ip = running.status().podIP();
        RuntimeContainer first = runningContainer("victim", "app");

        fixture.kill(first.id());

        Pod restarted = await("restart count 1", RESTART, () -> pod("victim"),
                p -> status(p, "app").map(s -> s.effectiveRestartCount() == 1 && s.state().isRunning()).orElse(false));
        assertThat(restarted.status().podIP()).isEqualTo(ip);
        assertThat(status(restarted, "app").orElseThrow().lastState().isTerminated()).isTrue();
        assertThat(runningContainer("victim", "app").id()).isNotEqualTo(first.id());
    }

    @Test
    void failingLivenessProbeRestartsTheContainer() {
        startCluster().apply(Pod.named("flaky").terminationGracePeriodSeconds(1L)
                .container("app", c -> c.image(BUSYBOX)
                        .command("sh", "-c", "touch /tmp/alive; sleep 3; rm /tmp/alive; exec sleep 100000")
                        .liveness(Probe.exec("sh", "-c", "test -f /tmp/alive").periodSeconds(1).failureThreshold(1))));
        String ip = awaitRunning("flaky").status().podIP();

        Pod restarted = await("restart after liveness failure", () -> pod("flaky"),
                p -> status(p, "app").map(s -> s.effectiveRestartCount() >= 1).orElse(false));
        assertThat(restarted.status().podIP()).isEqualTo(ip);
    }

    @Test
    void configMapUpdateReachesTheRunningContainer() {
        startCluster().apply(ConfigMap.named("conf").data("greeting", "v1"));
        cluster.apply(Pod.named("reader").terminationGracePeriodSeconds(1L)
                .container("app", c -> c.image(BUSYBOX).command("sleep", "100000").mount("conf", "/etc/conf"))
                .volume(Volume.configMap("conf")));
        awaitRunning("reader");
        String containerId = runningContainer("reader", "app").id();
        assertThat(cat("reader", "/etc/conf/greeting")).isEqualTo("v1");

        cluster.apply(ConfigMap.named("conf").data("greeting", "v2"));

        await("updated file", () -> cat("reader", "/etc/conf/greeting"), "v2"::equals);
        assertThat(status(pod("reader"), "app").orElseThrow().effectiveRestartCount()).isZero();
        assertThat(runningContainer("reader", "app").id()).isEqualTo(containerId);
    }

    @Test
    void persistentVolumeDataSurvivesPodRecreation() {
        startCluster().apply(PersistentVolumeClaim.named("data").readWriteOnce().storage("1Gi"));
        cluster.apply(claimPod("writer"));
        awaitRunning("writer");
        assertThat(cluster.pod("writer").exec("app", "sh", "-c", "echo kept > /data/file").succeeded()).isTrue();

        cluster.client().pods().delete("writer");
        await("writer deleted", () -> cluster.client().pods().get("writer"), Optional::isEmpty);
        await("writer's containers removed", () -> containers("writer"), List::isEmpty);
        cluster.apply(claimPod("reader"));
        awaitRunning("reader");

        assertThat(cat("reader", "/data/file")).isEqualTo("kept");
    }

    @Test
    void closeRemovesEverythingWithTheClusterLabel() {
        startCluster();
        applyPodWithEveryVolumeKind();
        assertThat(fixture.leftovers().containers()).as("the pod's containers").isNotEmpty();

        cluster.close();

        assertThat(fixture.leftovers()).isEqualTo(new RuntimeLeftovers(List.of(), List.of(), List.of()));
    }

    @Test
    void closeKeepsPersistentVolumesByDefault() {
        cluster = fixture.startCluster(fixture.builder());
        applyPodWithEveryVolumeKind();

        cluster.close();

        RuntimeLeftovers left = fixture.leftovers();
        assertThat(left.containers()).isEmpty();
        assertThat(left.other()).isEmpty();
        assertThat(left.volumes()).hasSize(1);
        fixture.purge();
    }

    private void applyPodWithEveryVolumeKind() {
        cluster.apply(ConfigMap.named("conf").data("greeting", "v1"));
        cluster.apply(PersistentVolumeClaim.named("data").readWriteOnce().storage("1Gi"));
        cluster.apply(Pod.named("full").terminationGracePeriodSeconds(1L)
                .container("app", c -> c.image(BUSYBOX).command("sleep", "100000")
                        .mount("conf", "/etc/conf").mount("data", "/data").mount("scratch", "/scratch"))
                .volume(Volume.configMap("conf"))
                .volume(Volume.persistentVolumeClaim("data", "data"))
                .volume(Volume.emptyDir("scratch")));
        awaitRunning("full");
        assertThat(cluster.pod("full").exec("app", "sh", "-c", "echo x > /data/f && echo y > /scratch/f")
                .succeeded()).isTrue();
    }

    private static Pod.Builder claimPod(String name) {
        return Pod.named(name).terminationGracePeriodSeconds(1L)
                .container("app", c -> c.image(BUSYBOX).command("sleep", "100000").mount("data", "/data"))
                .volume(Volume.persistentVolumeClaim("data", "data"));
    }

    private String cat(String podName, String path) {
        return cluster.pod(podName).exec("app", "cat", path).stdout().trim();
    }

    private Pod pod(String name) {
        return cluster.client().pods().get(name).orElseThrow();
    }

    private Pod awaitRunning(String name) {
        return await("pod " + name + " running", () -> cluster.client().pods().get(name),
                p -> p.isPresent() && p.get().status() != null && p.get().status().podIP() != null
                        && p.get().status().containerStatuses().stream().allMatch(s -> s.state().isRunning())
                        && !p.get().status().containerStatuses().isEmpty()).orElseThrow();
    }

    private static Optional<ContainerStatus> status(Pod pod, String container) {
        return pod.status() == null ? Optional.empty() : pod.status().containerStatus(container);
    }

    private List<RuntimeContainer> containers(String podName) {
        return fixture.runtime().listContainers(ContainerFilter.labels(Map.of(RuntimeLabels.CLUSTER, id,
                RuntimeLabels.POD_NAME, podName)));
    }

    private RuntimeContainer runningContainer(String podName, String containerName) {
        Map<String, String> labels = new HashMap<>(RuntimeLabels.cluster(id));
        labels.put(RuntimeLabels.POD_NAME, podName);
        labels.put(RuntimeLabels.CONTAINER_NAME, containerName);
        List<RuntimeContainer> found = fixture.runtime().listContainers(ContainerFilter.labels(labels)
                .withState(ContainerRunState.RUNNING));
        assertThat(found).as("running containers %s/%s", podName, containerName).hasSize(1);
        return found.get(0);
    }

    /** Polls {@code value} every 200 ms until it passes {@code done}, failing after {@link #WAIT}. */
    private static <T> T await(String what, Supplier<T> value, Predicate<T> done) {
        return RuntimeClusterFixture.await(what, WAIT, value, done);
    }

    private static <T> T await(String what, Duration timeout, Supplier<T> value, Predicate<T> done) {
        return RuntimeClusterFixture.await(what, timeout, value, done);
    }
}
