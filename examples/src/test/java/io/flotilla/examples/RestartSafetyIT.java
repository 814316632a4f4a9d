package io.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Container;
import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.core.Cluster;
import io.flotilla.runtime.docker.DockerRuntime;
import io.flotilla.testkit.ExtraDockerEngine;
import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, restart safety: a cluster restarted against the same engine adopts or removes what the previous run
 * left — never duplicates, never leaks — after a crashed JVM (a child process killed with SIGKILL) and after a
 * Docker daemon restart. Everything is counted through the Docker API by the cluster label.
 *
 * <p>PersistentVolumeClaim data is kept, as Kubernetes keeps PV data: a crashed run's claim volume is neither
 * removed nor reused by the restarted cluster (its in-memory store gave the claim a new uid, hence a new volume);
 * it stays, labelled with the cluster, until a {@code close()} that removes claim volumes or
 * {@code DockerRuntime.cleanup}.
 */
@RequiresRuntime(Runtimes.DOCKER)
class RestartSafetyIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration CHILD_READY = Duration.ofSeconds(90);
    private final DockerClient local = TestDocker.client();
    private Cluster cluster;
    private Process child;
    private ExtraDockerEngine engine;

    @AfterEach
    void cleanUp() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aClusterRestartedAfterItsJvmCrashedRemovesWhatTheOldRunLeft() throws Exception {
        String id = "fo-crashjvm";
        TestImages.ensureBuilt(local);
        DockerLeftovers.purge(local, id);
        try {
            child = startChild(id);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Set<String> oldUids = podUids(local, id);
            assertThat(oldUids).hasSize(3);
            assertThat(containers(local, id)).as("one per pod: single-container pods hold their own network")
                    .hasSize(3);
            String oldClaimVolume = claimVolumes(local, id).stream().collect(onlyOne());

            cluster = Cluster.builder().id(id).node("local", DockerRuntime.local())
                    .keepPersistentVolumesOnClose(false).start();

            // start() has adopted or removed what the runtime held, before any new pod exists
            assertThat(containers(local, id)).as("containers of the crashed run").isEmpty();
            assertThat(podVolumes(local, id)).as("pod volumes of the crashed run").isEmpty();
            assertThat(claimVolumes(local, id)).as("the crashed run's claim data is kept").containsExactly(
                    oldClaimVolume);
            RestartSafetyChild.applyWorkload(cluster, null);
            List<Pod> pods = RestartSafetyChild.awaitRunning(cluster);

            Set<String> uids = pods.stream().map(p -> p.metadata().uid()).collect(Collectors.toSet());
            assertThat(uids).doesNotContainAnyElementsOf(oldUids);
            assertEachPodRunsItsOneContainer(local, id, uids);
            assertThat(podVolumes(local, id)).hasSize(1);
            assertThat(claimVolumes(local, id)).hasSize(2).contains(oldClaimVolume);
            assertThat(DockerLeftovers.of(local, id).networks()).hasSize(1);

            cluster.close();
            assertThat(DockerLeftovers.of(local, id).isEmpty()).as("left: %s", DockerLeftovers.of(local, id))
                    .isTrue();
        } finally {
            DockerLeftovers.purge(local, id);
        }
    }

    @Test
    void podsComeBackAfterADaemonRestartWithoutDuplicates() {
        String id = "fo-dmnrestart";
        engine = ExtraDockerEngine.start();
        DockerClient docker = engine.client();
        cluster = Cluster.builder().id(id).node("edge", DockerRuntime.remote(engine.host()))
                .keepPersistentVolumesOnClose(false).start();
        cluster.apply(Deployment.named("web").replicas(2).terminationGracePeriodSeconds(1L)
                .container("app", c -> c.image(TestImages.BUSYBOX).command("sleep", "100000")));
        Set<String> uids = awaitWebRunning().stream().map(p -> p.metadata().uid()).collect(Collectors.toSet());
        Set<String> before = containers(docker, id).stream().map(Container::getId).collect(Collectors.toSet());

        engine.restart();

        List<Pod> after = await("the same 2 pods running in new containers", this::webPods,
                pods -> pods.size() == 2 && pods.stream().allMatch(p -> p.isReady() && runsIn(p, docker, id))
                        && containers(docker, id).stream().filter(c -> "running".equals(c.getState()))
                        .noneMatch(c -> before.contains(c.getId())));
        assertThat(after).extracting(p -> p.metadata().uid()).containsExactlyInAnyOrderElementsOf(uids);
        assertThat(after).allSatisfy(p -> assertThat(p.status().containerStatuses().get(0).effectiveRestartCount())
                .isGreaterThanOrEqualTo(1));
        assertEachPodRunsItsOneContainer(docker, id, uids);
        assertThat(DockerLeftovers.of(docker, id).networks()).hasSize(1);

        cluster.close();
        assertThat(DockerLeftovers.of(docker, id).isEmpty()).as("left: %s", DockerLeftovers.of(docker, id)).isTrue();
    }

    /** Whether the app container {@code pod}'s status names is running in {@code docker}. */
    private static boolean runsIn(Pod pod, DockerClient docker, String id) {
        String reported = pod.status().containerStatuses().get(0).containerID();
        return reported != null && containers(docker, id).stream().anyMatch(c -> "running".equals(c.getState())
                && reported.endsWith("://" + c.getId()));
    }

    /** Starts the child JVM and waits until it printed that its pods run. */
    private static Process startChild(String id) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RestartSafetyChild.class.getName(), id).redirectErrorStream(true).start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Deque<String> tail = new ArrayDeque<>();
        Thread.ofVirtual().start(() -> readOutput(p, ready, tail));
        try {
            ready.get(CHILD_READY.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            p.destroyForcibly();
            throw new AssertionError("the child cluster did not report its pods running within " + CHILD_READY
                    + "; its last output:\n" + String.join("\n", snapshot(tail)), e);
        }
        return p;
    }

    /** Drains the child's output (it must never block on a full pipe), completing {@code ready} on its line. */
    private static void readOutput(Process p, CompletableFuture<Void> ready, Deque<String> tail) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 40) {
                        tail.removeFirst();
                    }
                }
                if (line.equals(RestartSafetyChild.READY)) {
                    ready.complete(null);
                }
            }
            ready.completeExceptionally(new IllegalStateException("the child exited"));
        } catch (IOException | UncheckedIOException e) {
            ready.completeExceptionally(e);
        }
    }

    private static List<String> snapshot(Deque<String> tail) {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    /**
     * Each pod of {@code uids} runs its one container and nothing else (a single-container pod holds its own network
     * on Docker: no pause container), and no other pod has containers left; exited earlier attempts may remain.
     */
    private static void assertEachPodRunsItsOneContainer(DockerClient docker, String id, Set<String> uids) {
        Map<String, List<String>> kindsByUid = containers(docker, id).stream().collect(Collectors.groupingBy(
                c -> c.getLabels().get(RuntimeLabels.POD_UID),
                Collectors.mapping(c -> c.getLabels().get(RuntimeLabels.KIND) + ":" + c.getState(),
                        Collectors.toList())));
        assertThat(kindsByUid.keySet()).as("pods with containers").isEqualTo(uids);
        kindsByUid.forEach((uid, kinds) -> assertThat(kinds).as("containers of pod %s", uid)
                .contains(RuntimeLabels.KIND_CONTAINER + ":running")
                .allMatch(k -> k.equals(RuntimeLabels.KIND_CONTAINER + ":running")
                        || k.equals(RuntimeLabels.KIND_CONTAINER + ":exited"))
                .filteredOn(k -> k.endsWith(":running")).hasSize(1));
    }

    private List<Pod> awaitWebRunning() {
        return await("2 pods running", this::webPods, pods -> pods.size() == 2 && pods.stream()
                .allMatch(Pod::isReady));
    }

    private List<Pod> webPods() {
        return cluster.client().pods().list(LabelSelector.matchLabel("app", "web"));
    }

    private static List<Container> containers(DockerClient docker, String id) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(RuntimeLabels.cluster(id)).exec();
    }

    private static Set<String> podUids(DockerClient docker, String id) {
        return containers(docker, id).stream().map(c -> c.getLabels().get(RuntimeLabels.POD_UID))
                .collect(Collectors.toSet());
    }

    /** The cluster's volumes of pods (emptyDir and the like), by name. */
    private static List<String> podVolumes(DockerClient docker, String id) {
        return volumes(docker, id).stream().filter(v -> v.getLabels().containsKey(RuntimeLabels.POD_UID))
                .map(InspectVolumeResponse::getName).toList();
    }

    /** The cluster's volumes backing PersistentVolumeClaims (no pod label), by name. */
    private static List<String> claimVolumes(DockerClient docker, String id) {
        return volumes(docker, id).stream().filter(v -> !v.getLabels().containsKey(RuntimeLabels.POD_UID))
                .map(InspectVolumeResponse::getName).toList();
    }

    private static List<InspectVolumeResponse> volumes(DockerClient docker, String id) {
        List<InspectVolumeResponse> found = docker.listVolumesCmd()
                .withFilter("label", List.of(RuntimeLabels.CLUSTER + "=" + id)).exec().getVolumes();
        return found == null ? List.of() : found;
    }

    private static <T> java.util.stream.Collector<T, ?, T> onlyOne() {
        return Collectors.collectingAndThen(Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }

    private static <T> T await(String what, java.util.function.Supplier<T> value,
                               java.util.function.Predicate<T> done) {
        return DockerClusterFixture.await(what, WAIT, value, done);
    }
}
