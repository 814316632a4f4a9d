package io.flotilla.testkit.contract;

import static io.flotilla.testkit.contract.ContractFixture.TIMEOUT;
import static io.flotilla.testkit.contract.ContractFixture.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerResources;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.flotilla.api.runtime.ContainerStats;
import io.flotilla.api.runtime.ExecResult;
import io.flotilla.api.runtime.Image;
import io.flotilla.api.runtime.ImageSpec;
import io.flotilla.api.runtime.LogLine;
import io.flotilla.api.runtime.LogListener;
import io.flotilla.api.runtime.LogOptions;
import io.flotilla.api.runtime.Mount;
import io.flotilla.api.runtime.PodNetworkProber;
import io.flotilla.api.runtime.PodSandbox;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.PodSandboxStatus;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.api.runtime.RuntimeEvent;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.SandboxState;
import io.flotilla.api.runtime.Subscription;
import io.flotilla.api.runtime.VolumeFile;
import io.flotilla.testkit.TestImages;
import io.flotilla.testkit.contract.ContractFixture.Sandbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ContainerRuntime} must show, as one abstract JUnit 5 class: sandboxes, shared pod
 * network, exit codes and OOM, exec, logs, images, events, labels, adoption listings and clean-up.
 *
 * <p>A runtime's test extends it and provides {@link #runtime()} and {@link #time()}. Real runtimes return
 * {@link TestTime#real()} and need {@link TestImages#BUSYBOX} built; the simulated runtime advances its virtual clock
 * and scripts each {@link ContractWorkload} by container name, treating {@link #image()} as present and
 * {@link #missingImage()} as missing. Each test labels everything with its own cluster id and removes it afterwards;
 * the runtime itself is the subclass's to create and close.
 */
public abstract class ContainerRuntimeContract {
    private ContractFixture pods;

    /** The runtime under test; may be shared by all tests of the class. */
    protected abstract ContainerRuntime runtime();

    /** How time passes for this runtime. */
    protected abstract TestTime time();

    /** The image the suite's containers run: {@link TestImages#BUSYBOX}. */
    protected String image() {
        return TestImages.BUSYBOX;
    }

    /** An image that cannot be pulled: by default one on a registry port that refuses connections. */
    protected String missingImage() {
        return "127.0.0.1:1/flotilla-test/missing:404";
    }

    /** The fixture of the current test. */
    protected final ContractFixture pods() {
        return pods;
    }

    @BeforeEach
    final void createFixture() {
        pods = new ContractFixture(runtime(), time(), "contract-" + UUID.randomUUID().toString().substring(0, 8),
                image());
    }

    @AfterEach
    final void removeEverything() {
        pods.cleanup();
        Map<String, String> mine = RuntimeLabels.cluster(pods.cluster());
        assertEquals(List.of(), runtime().listPodSandboxes(PodSandboxFilter.labels(mine)), "sandboxes left");
        assertEquals(List.of(), runtime().listContainers(ContainerFilter.labels(mine)), "containers left");
        assertEquals(List.of(), runtime().listVolumes(mine), "volumes left");
    }

    @Test
    void reportsVersionAndCapacity() {
        assertFalse(runtime().version().runtimeName().isBlank());
        assertFalse(runtime().endpoint().isBlank());
        assertTrue(runtime().info().cpu().signum() > 0, "cpu capacity");
        assertTrue(runtime().info().memory().signum() > 0, "memory capacity");
    }

    @Test
    void sandboxGoesFromReadyToStoppedToRemoved() {
        Sandbox sandbox = pods.sandbox("lifecycle");
        PodSandboxStatus status = runtime().podSandboxStatus(sandbox.id());
        assertEquals(SandboxState.READY, status.state());
        assertNotNull(status.ip(), "a ready sandbox has an IP");
        assertEquals(sandbox.config().metadata(), status.metadata());

        runtime().stopPodSandbox(sandbox.id());
        runtime().stopPodSandbox(sandbox.id());
        assertEquals(SandboxState.NOTREADY, runtime().podSandboxStatus(sandbox.id()).state());
        assertEquals(List.of(sandbox.id()), ids(runtime().listPodSandboxes(PodSandboxFilter.labels(
                RuntimeLabels.cluster(pods.cluster())).withState(SandboxState.NOTREADY))));

        runtime().removePodSandbox(sandbox.id());
        runtime().removePodSandbox(sandbox.id());
        ContainerRuntimeException.NotFound missing = assertThrows(ContainerRuntimeException.NotFound.class,
                () -> runtime().podSandboxStatus(sandbox.id()));
        assertEquals(ObjectKind.SANDBOX, missing.kind());
        assertTrue(missing.getMessage().contains(sandbox.id()), missing.getMessage());
    }

    @Test
    void aSingleContainerSandboxKeepsItsAddressAcrossContainerRestarts() {
        Sandbox sandbox = pods.sandbox("single", true);
        String ip = runtime().podSandboxStatus(sandbox.id()).ip();
        assertNotNull(ip, "a ready sandbox has an IP");

        String first = pods.run(sandbox, ContractWorkload.EXIT_THREE);
        assertEquals(3, pods.await(first, ContainerRunState.EXITED).exitCode());
        PodSandboxStatus afterExit = runtime().podSandboxStatus(sandbox.id());
        assertEquals(SandboxState.READY, afterExit.state(), "the sandbox outlives its container");
        assertEquals(ip, afterExit.ip());
        String server = pods.start(sandbox, pods.config(sandbox, ContractWorkload.SERVER).attempt(1).build());
        pods.await(server, ContainerRunState.RUNNING);
        assertEquals(ip, runtime().podSandboxStatus(sandbox.id()).ip(), "the next container has the same address");
        runtime().podNetworkProber().ifPresent(p -> assertTrue(
                p.httpGet(sandbox.id(), "HTTP", ContractWorkload.HTTP_PORT, "/", Map.of(), TIMEOUT).success()));
        assertEquals(List.of(sandbox.id()), ids(runtime().listPodSandboxes(PodSandboxFilter.labels(
                RuntimeLabels.cluster(pods.cluster())).withState(SandboxState.READY))));

        runtime().stopPodSandbox(sandbox.id());
        assertEquals(SandboxState.NOTREADY, runtime().podSandboxStatus(sandbox.id()).state());
        assertEquals(ContainerRunState.EXITED, runtime().containerStatus(server).state());
        runtime().removePodSandbox(sandbox.id());
        assertThrows(ContainerRuntimeException.NotFound.class, () -> runtime().podSandboxStatus(sandbox.id()));
    }

    @Test
    void containersOfOneSandboxShareItsNetwork() {
        Sandbox sandbox = pods.sandbox("shared");
        pods.await(pods.run(sandbox, ContractWorkload.SERVER), ContainerRunState.RUNNING);
        String fetcher = pods.run(sandbox, ContractWorkload.FETCHER);

        RuntimeContainerStatus fetched = pods.await(fetcher, ContainerRunState.EXITED);
        assertEquals(0, fetched.exitCode(), "the fetcher reached the server on 127.0.0.1");
        assertTrue(texts(runtime().readLogs(fetcher, LogOptions.all())).contains(ContractWorkload.SERVED_BODY));

        Optional<PodNetworkProber> prober = runtime().podNetworkProber();
        prober.ifPresent(p -> {
            assertTrue(p.httpGet(sandbox.id(), "HTTP", ContractWorkload.HTTP_PORT, "/", Map.of(), TIMEOUT).success());
            assertTrue(p.tcpConnect(sandbox.id(), ContractWorkload.HTTP_PORT, TIMEOUT).success());
            assertFalse(p.tcpConnect(sandbox.id(), ContractWorkload.HTTP_PORT + 1, TIMEOUT).success());
        });
    }

    @Test
    void reportsExitCodesReasonsAndTimes() {
        Sandbox sandbox = pods.sandbox("exits");
        RuntimeContainerStatus failed = pods.await(pods.start(sandbox,
                pods.config(sandbox, ContractWorkload.EXIT_THREE).attempt(2).build()), ContainerRunState.EXITED);
        assertEquals(3, failed.exitCode());
        assertEquals(RuntimeContainerStatus.ERROR, failed.reason());
        assertEquals(2, failed.restartCount());
        assertFalse(failed.finishedAt().isBefore(failed.startedAt()));
        assertFalse(failed.startedAt().isBefore(failed.createdAt()));

        RuntimeContainerStatus succeeded = pods.await(pods.run(sandbox, ContractWorkload.SUCCEED),
                ContainerRunState.EXITED);
        assertEquals(0, succeeded.exitCode());
        assertEquals(RuntimeContainerStatus.COMPLETED, succeeded.reason());
        assertEquals(0, succeeded.restartCount());
    }

    @Test
    void reportsOomKilledContainers() {
        Sandbox sandbox = pods.sandbox("oom");
        String hog = pods.start(sandbox, pods.config(sandbox, ContractWorkload.MEMORY_HOG)
                .resources(ContainerResources.memoryLimit(ContractWorkload.HOG_LIMIT_BYTES)).build());
        RuntimeContainerStatus status = pods.await(hog, ContainerRunState.EXITED);
        assertEquals(RuntimeContainerStatus.OOM_KILLED, status.reason());
        assertEquals(137, status.exitCode());
    }

    @Test
    void execRunsCommandsInRunningContainersOnly() {
        Sandbox sandbox = pods.sandbox("exec");
        String sleeper = pods.run(sandbox, ContractWorkload.SLEEPER);
        pods.await(sleeper, ContainerRunState.RUNNING);

        ExecResult echo = runtime().execSync(sleeper, ContractWorkload.EXEC_ECHO, TIMEOUT);
        assertEquals(ExecResult.of(4, "out\n", "err\n"), echo);
        assertTrue(runtime().execSync(sleeper, ContractWorkload.EXEC_HANG, ContractWorkload.EXEC_TIMEOUT).timedOut());

        String exited = pods.run(sandbox, ContractWorkload.SUCCEED);
        pods.await(exited, ContainerRunState.EXITED);
        assertThrows(ContainerRuntimeException.InvalidState.class,
                () -> runtime().execSync(exited, List.of("true"), TIMEOUT));
        assertThrows(ContainerRuntimeException.NotFound.class,
                () -> runtime().execSync("no-such-container", List.of("true"), TIMEOUT));
    }

    @Test
    void deliversLogsWithStreamsTailAndSince() {
        Sandbox sandbox = pods.sandbox("logs");
        String logger = pods.run(sandbox, ContractWorkload.LOGGER);
        List<LogLine> all = pods.awaitLine(logger, "oops");
        assertEquals(List.of("line-1", "line-2", "line-3", "line-4", "line-5"), texts(all, LogLine.Stream.STDOUT));
        assertEquals(List.of("oops"), texts(all, LogLine.Stream.STDERR));
        all.forEach(line -> assertNotNull(line.time(), "timestamps were asked for"));

        // Runtimes keep order within a stream only (Docker copies stdout and stderr separately), so the tail is
        // checked against the runtime's own full log, not against the order the script printed in.
        List<String> full = texts(runtime().readLogs(logger, LogOptions.all()));
        List<String> tail = texts(runtime().readLogs(logger, LogOptions.all().withTail(3)));
        assertEquals(full.subList(full.size() - 3, full.size()), tail);

        RuntimeContainerStatus status = runtime().containerStatus(logger);
        assertEquals(6, runtime().readLogs(logger, LogOptions.all().withSince(status.createdAt().minusSeconds(60)))
                .size());
        assertEquals(List.of(), runtime().readLogs(logger, LogOptions.all().withSince(
                status.createdAt().plus(Duration.ofHours(1)))));
    }

    @Test
    void followsLogsUntilTheContainerExits() {
        Sandbox sandbox = pods.sandbox("follow");
        String ticker = pods.run(sandbox, ContractWorkload.TICKER);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean ended = new AtomicBoolean();
        try (Subscription ignored = runtime().logs(ticker, LogOptions.all().withFollow(), new LogListener() {
            @Override
            public void onLine(LogLine line) {
                lines.add(line.text());
            }

            @Override
            public void onEnd() {
                ended.set(true);
            }
        })) {
            time().await("the followed log to end", TIMEOUT, ended::get);
        }
        assertEquals(List.of("tick-1", "tick-2", "tick-3"), List.copyOf(lines));
        assertEquals(ContainerRunState.EXITED, runtime().containerStatus(ticker).state());
    }

    @Test
    void reportsPresentImagesAndFailsPullsOfMissingOnes() {
        Optional<Image> present = runtime().imageStatus(ImageSpec.of(image()));
        assertTrue(present.isPresent(), image() + " must be present");
        assertFalse(present.get().id().isBlank());
        assertTrue(present.get().repoTags().contains(image()), present.get().repoTags().toString());
        assertTrue(runtime().listImages().stream().anyMatch(i -> i.id().equals(present.get().id())));

        assertEquals(Optional.empty(), runtime().imageStatus(ImageSpec.of(missingImage())));
        ContainerRuntimeException.ImagePullFailed failed = assertThrows(
                ContainerRuntimeException.ImagePullFailed.class,
                () -> runtime().pullImage(ImageSpec.of(missingImage()), null));
        assertEquals(missingImage(), failed.image());
        assertTrue(failed.getMessage().contains(missingImage()), failed.getMessage());

        Sandbox sandbox = pods.sandbox("images");
        ContainerRuntimeException.NotFound notFound = assertThrows(ContainerRuntimeException.NotFound.class,
                () -> runtime().createContainer(sandbox.id(), ContainerConfig.builder("missing", missingImage())
                        .labels(sandbox.config().labels()).build(), sandbox.config()));
        assertEquals(ObjectKind.IMAGE, notFound.kind());
    }

    @Test
    void deliversContainerEventsWithLabels() {
        List<RuntimeEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (Subscription ignored = runtime().subscribe(events::add)) {
            Sandbox sandbox = pods.sandbox("events");
            String id = pods.run(sandbox, ContractWorkload.EXIT_THREE);
            pods.await(id, ContainerRunState.EXITED);
            runtime().removeContainer(id);
            time().await("the container's events", TIMEOUT, () -> types(events, id).contains(
                    RuntimeEvent.Type.CONTAINER_DELETED));

            assertEquals(List.of(RuntimeEvent.Type.CONTAINER_CREATED, RuntimeEvent.Type.CONTAINER_STARTED,
                    RuntimeEvent.Type.CONTAINER_EXITED, RuntimeEvent.Type.CONTAINER_DELETED), types(events, id));
            RuntimeEvent exited = byType(events, id, RuntimeEvent.Type.CONTAINER_EXITED);
            assertEquals(3, exited.exitCode());
            assertEquals(sandbox.id(), exited.podSandboxId());
            assertEquals(pods.uid("events"), exited.labels().get(RuntimeLabels.POD_UID));
        }
    }

    @Test
    void labelsEverythingItCreates() {
        Sandbox sandbox = pods.sandbox("labels");
        String id = pods.run(sandbox, ContractWorkload.SLEEPER);
        Map<String, String> podLabels = sandbox.config().labels();

        assertTrue(runtime().podSandboxStatus(sandbox.id()).labels().entrySet().containsAll(podLabels.entrySet()));
        assertEquals("true", runtime().podSandboxStatus(sandbox.id()).annotations().get("contract/test"));
        RuntimeContainerStatus status = runtime().containerStatus(id);
        assertEquals(ContractWorkload.SLEEPER.containerName(), status.labels().get(RuntimeLabels.CONTAINER_NAME));
        assertEquals(podLabels.get(RuntimeLabels.POD_UID), status.labels().get(RuntimeLabels.POD_UID));
        assertEquals("SLEEPER", status.annotations().get("contract/workload"));
        RuntimeContainer listed = runtime().listContainers(ContainerFilter.sandbox(sandbox.id())).getFirst();
        assertEquals(status.labels(), listed.labels());
        assertEquals(pods.cluster(), pods.volume("labels").labels().get(RuntimeLabels.CLUSTER));
    }

    @Test
    void listsExactlyWhatOneClusterCreated() {
        Sandbox first = pods.sandbox("adopt-a");
        Sandbox second = pods.sandbox("adopt-b");
        String a = pods.run(first, ContractWorkload.SLEEPER);
        String b = pods.run(second, ContractWorkload.SLEEPER);
        pods.volume("adopt");
        ContractFixture other = new ContractFixture(runtime(), time(), pods.cluster() + "-other", image());
        try {
            other.run(other.sandbox("stranger"), ContractWorkload.SLEEPER);
            other.volume("stranger");

            Map<String, String> mine = RuntimeLabels.cluster(pods.cluster());
            assertEquals(List.of(first.id(), second.id()).stream().sorted().toList(),
                    ids(runtime().listPodSandboxes(PodSandboxFilter.labels(mine))).stream().sorted().toList());
            assertEquals(List.of(a, b).stream().sorted().toList(),
                    runtime().listContainers(ContainerFilter.labels(mine)).stream().map(RuntimeContainer::id)
                            .sorted().toList());
            assertEquals(List.of(pods.cluster() + "-adopt"),
                    runtime().listVolumes(mine).stream().map(v -> v.name()).toList());
            assertEquals(List.of(a), runtime().listContainers(ContainerFilter.labels(
                    Map.of(RuntimeLabels.POD_UID, pods.uid("adopt-a")))).stream().map(RuntimeContainer::id).toList());
        } finally {
            other.cleanup();
        }
    }

    @Test
    void removingASandboxRemovesItsContainers() {
        Sandbox sandbox = pods.sandbox("cleanup");
        String running = pods.run(sandbox, ContractWorkload.SLEEPER);
        String exited = pods.run(sandbox, ContractWorkload.SUCCEED);
        pods.await(exited, ContainerRunState.EXITED);

        runtime().removePodSandbox(sandbox.id());
        assertEquals(List.of(), runtime().listContainers(ContainerFilter.sandbox(sandbox.id())));
        for (String id : List.of(running, exited)) {
            assertEquals(ObjectKind.CONTAINER, assertThrows(ContainerRuntimeException.NotFound.class,
                    () -> runtime().containerStatus(id)).kind());
        }
        runtime().removeContainer(running);
    }

    @Test
    void stopsContainersAndRejectsDuplicates() {
        Sandbox sandbox = pods.sandbox("stop");
        String sleeper = pods.run(sandbox, ContractWorkload.SLEEPER);
        pods.await(sleeper, ContainerRunState.RUNNING);
        assertThrows(ContainerRuntimeException.AlreadyExists.class, () -> runtime().createContainer(sandbox.id(),
                pods.config(sandbox, ContractWorkload.SLEEPER).build(), sandbox.config()));

        runtime().stopContainer(sleeper, Duration.ofSeconds(1));
        RuntimeContainerStatus stopped = pods.await(sleeper, ContainerRunState.EXITED);
        assertNotEquals(0, stopped.exitCode());
        assertNotNull(stopped.finishedAt());
        runtime().stopContainer(sleeper, Duration.ofSeconds(1));
        assertThrows(ContainerRuntimeException.InvalidState.class, () -> runtime().startContainer(sleeper));
    }

    @Test
    void reportsCumulativeStats() {
        Sandbox sandbox = pods.sandbox("stats");
        String sleeper = pods.run(sandbox, ContractWorkload.SLEEPER);
        pods.await(sleeper, ContainerRunState.RUNNING);
        ContainerStats first = runtime().containerStats(sleeper);
        time().pass(Duration.ofSeconds(1));
        ContainerStats second = runtime().containerStats(sleeper);
        assertEquals(sleeper, second.containerId());
        assertTrue(second.memoryWorkingSetBytes() > 0, "working set of a running container");
        assertTrue(second.cpuUsageCoreNanos() >= first.cpuUsageCoreNanos(), "cumulative CPU");
        assertFalse(second.timestamp().isBefore(first.timestamp()));
    }

    @Test
    void deliversFilesToVolumes() {
        String volume = pods.volume("files").name();
        runtime().writeFiles(volume, Map.of("old.txt", VolumeFile.text("replaced")));
        runtime().writeFiles(volume, Map.of("app.txt", VolumeFile.text("hello from a volume\n"),
                "secret.txt", VolumeFile.secret("s3cr3t".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IllegalArgumentException.class,
                () -> runtime().writeFiles(volume, Map.of("../escape", VolumeFile.text("x"))));
        assertThrows(ContainerRuntimeException.NotFound.class,
                () -> runtime().writeFiles(pods.cluster() + "-none", Map.of("a", VolumeFile.text("x"))));

        Sandbox sandbox = pods.sandbox("files");
        String reader = pods.start(sandbox, pods.config(sandbox, ContractWorkload.FILE_READER)
                .mount(Mount.volume(volume, "/data", true)).build());
        assertEquals(0, pods.await(reader, ContainerRunState.EXITED).exitCode());
        assertEquals(List.of("hello from a volume", "400"), texts(runtime().readLogs(reader, LogOptions.all())));
        assertThrows(ContainerRuntimeException.InvalidState.class, () -> runtime().removeVolume(volume));
    }

    @Test
    void missingObjectsAreNotFound() {
        assertEquals(ObjectKind.CONTAINER, assertThrows(ContainerRuntimeException.NotFound.class,
                () -> runtime().containerStatus("no-such-container")).kind());
        Sandbox real = pods.sandbox("probe");
        Sandbox fake = new Sandbox("no-such-sandbox", real.config());
        assertEquals(ObjectKind.SANDBOX, assertThrows(ContainerRuntimeException.NotFound.class,
                () -> runtime().createContainer(fake.id(), pods.config(fake, ContractWorkload.SLEEPER).build(),
                        fake.config())).kind());
        runtime().stopContainer("no-such-container", Duration.ZERO);
        runtime().removeContainer("no-such-container");
        runtime().removeVolume(pods.cluster() + "-never-created");
        assertNull(runtime().listPodSandboxes(PodSandboxFilter.all().withId("no-such-sandbox")).stream()
                .findFirst().orElse(null));
    }

    private static List<String> ids(List<PodSandbox> sandboxes) {
        return sandboxes.stream().map(PodSandbox::id).toList();
    }

    private static List<RuntimeEvent.Type> types(List<RuntimeEvent> events, String containerId) {
        synchronized (events) {
            return events.stream().filter(e -> containerId.equals(e.containerId())).map(RuntimeEvent::type).toList();
        }
    }

    private static RuntimeEvent byType(List<RuntimeEvent> events, String containerId, RuntimeEvent.Type type) {
        synchronized (events) {
            return events.stream().filter(e -> containerId.equals(e.containerId()) && e.type() == type)
                    .findFirst().orElseThrow();
        }
    }
}
