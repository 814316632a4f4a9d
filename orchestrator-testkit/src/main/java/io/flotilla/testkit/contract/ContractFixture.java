package io.flotilla.testkit.contract;

import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.LogLine;
import io.flotilla.api.runtime.LogOptions;
import io.flotilla.api.runtime.PodSandbox;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.RuntimeVolume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The contract suite's helper for one test: creates sandboxes, containers and volumes labelled with the test's own
 * cluster id, waits for states and log lines through {@link TestTime}, and removes everything of that cluster id
 * afterwards. Confined to the test's thread.
 */
public final class ContractFixture {
    /** The namespace of the suite's pods. */
    public static final String NAMESPACE = "contract";
    /** How long (real or virtual) the suite waits for anything. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ContainerRuntime runtime;
    private final TestTime time;
    private final String cluster;
    private final String image;

    /**
     * A fixture for {@code runtime} under cluster id {@code cluster}, running containers of {@code image}.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public ContractFixture(ContainerRuntime runtime, TestTime time, String cluster, String image) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.time = Objects.requireNonNull(time, "time");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.image = Objects.requireNonNull(image, "image");
    }

    /** A sandbox and the configuration it was created with. */
    public record Sandbox(String id, PodSandboxConfig config) {
    }

    /** The cluster id every object of this test carries. */
    public String cluster() {
        return cluster;
    }

    /** The uid of pod {@code podName} in this test. */
    public String uid(String podName) {
        return cluster + "-" + podName;
    }

    /** Creates a ready sandbox for pod {@code podName}, labelled for this test's cluster. */
    public Sandbox sandbox(String podName) {
        return sandbox(podName, false);
    }

    /**
     * Creates a ready sandbox for pod {@code podName}, labelled for this test's cluster, declared to hold one
     * container at a time if {@code singleContainer} (see {@link PodSandboxConfig#singleContainer()}).
     */
    public Sandbox sandbox(String podName, boolean singleContainer) {
        PodSandboxConfig config = PodSandboxConfig.builder(NAMESPACE, podName, uid(podName))
                .hostname(podName)
                .labels(RuntimeLabels.forPod(cluster, NAMESPACE, podName, uid(podName)))
                .annotation("contract/test", "true")
                .singleContainer(singleContainer)
                .build();
        return new Sandbox(runtime.runPodSandbox(config), config);
    }

    /** A configuration for {@code workload} in {@code sandbox}: its command and the pod's and container's labels. */
    public ContainerConfig.Builder config(Sandbox sandbox, ContractWorkload workload) {
        return ContainerConfig.builder(workload.containerName(), image)
                .command(workload.command())
                .labels(RuntimeLabels.forContainer(sandbox.config().labels(), workload.containerName(), 0))
                .annotation("contract/workload", workload.name());
    }

    /** Creates and starts {@code workload} in {@code sandbox}. */
    public String run(Sandbox sandbox, ContractWorkload workload) {
        return start(sandbox, config(sandbox, workload).build());
    }

    /** Creates and starts a container of {@code config} in {@code sandbox}. */
    public String start(Sandbox sandbox, ContainerConfig config) {
        String id = runtime.createContainer(sandbox.id(), config, sandbox.config());
        runtime.startContainer(id);
        return id;
    }

    /** Waits until the container is in {@code state} and returns its status. */
    public RuntimeContainerStatus await(String containerId, ContainerRunState state) {
        AtomicReference<RuntimeContainerStatus> last = new AtomicReference<>();
        try {
            time.await("container " + containerId + " to be " + state, TIMEOUT, () -> {
                last.set(runtime.containerStatus(containerId));
                return last.get().state() == state;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last status: " + last.get(), e);
        }
        return last.get();
    }

    /** Waits until the container has logged {@code line} and returns every line logged so far. */
    public List<LogLine> awaitLine(String containerId, String line) {
        AtomicReference<List<LogLine>> last = new AtomicReference<>(List.of());
        time.await("container " + containerId + " to log '" + line + "'", TIMEOUT, () -> {
            last.set(runtime.readLogs(containerId, LogOptions.all().withTimestamps()));
            return texts(last.get()).contains(line);
        });
        return last.get();
    }

    /** The text of each line. */
    public static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }

    /** The text of each line of {@code stream}. */
    public static List<String> texts(List<LogLine> lines, LogLine.Stream stream) {
        return lines.stream().filter(l -> l.stream() == stream).map(LogLine::text).toList();
    }

    /** A volume named after this test's cluster and {@code suffix}, labelled for the cluster. */
    public RuntimeVolume volume(String suffix) {
        return runtime.createVolume(cluster + "-" + suffix, Map.of(RuntimeLabels.CLUSTER, cluster,
                RuntimeLabels.VOLUME_NAME, suffix));
    }

    /**
     * Removes every sandbox, container and volume of this test's cluster, and fails if any survives. Removal errors
     * are collected, so one failure does not leak the rest.
     */
    public void cleanup() {
        Map<String, String> mine = RuntimeLabels.cluster(cluster);
        List<ContainerRuntimeException> errors = new ArrayList<>();
        for (PodSandbox sandbox : runtime.listPodSandboxes(PodSandboxFilter.labels(mine))) {
            attempt(() -> runtime.removePodSandbox(sandbox.id()), errors);
        }
        runtime.listContainers(ContainerFilter.labels(mine))
                .forEach(c -> attempt(() -> runtime.removeContainer(c.id()), errors));
        runtime.listVolumes(mine).forEach(v -> attempt(() -> runtime.removeVolume(v.name()), errors));
        if (!errors.isEmpty()) {
            AssertionError failure = new AssertionError("clean-up of cluster " + cluster + " failed");
            errors.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private static void attempt(Runnable removal, List<ContainerRuntimeException> errors) {
        try {
            removal.run();
        } catch (ContainerRuntimeException e) {
            errors.add(e);
        }
    }
}
