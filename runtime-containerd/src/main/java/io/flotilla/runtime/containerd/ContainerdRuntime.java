package io.flotilla.runtime.containerd;

import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerStats;
import io.flotilla.api.runtime.ExecResult;
import io.flotilla.api.runtime.Image;
import io.flotilla.api.runtime.ImageSpec;
import io.flotilla.api.runtime.LogListener;
import io.flotilla.api.runtime.LogOptions;
import io.flotilla.api.runtime.PodSandbox;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.PodSandboxStatus;
import io.flotilla.api.runtime.RegistryAuth;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.api.runtime.RuntimeEventListener;
import io.flotilla.api.runtime.RuntimeInfo;
import io.flotilla.api.runtime.RuntimeVersion;
import io.flotilla.api.runtime.RuntimeVolume;
import io.flotilla.api.runtime.Subscription;
import io.flotilla.api.runtime.VolumeFile;
import io.flotilla.runtime.containerd.internal.CriEndpoint;
import io.flotilla.runtime.containerd.internal.CriNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The container runtime of one containerd, spoken to through its CRI {@code runtime.v1} gRPC API on a unix socket,
 * as kubelet does: each pod sandbox is a CRI sandbox (containerd's pause container with a CNI network), containers
 * are CRI containers in it.
 *
 * <pre>{@code
 * ContainerRuntime node = ContainerdRuntime.local();                          // /run/containerd/containerd.sock
 * ContainerRuntime test = ContainerdRuntime.connect("unix:///tmp/ctd/containerd.sock")
 *         .stateDir(Path.of("/tmp/ctd/flotilla"));
 * }</pre>
 *
 * <p><b>Configuration.</b> Copy-with methods ({@link #stateDir}, {@link #callTimeout}, {@link #relistInterval})
 * return new, unconnected runtimes. The connection is made on first use and checks the CRI version: a missing
 * socket, a socket that is not containerd's CRI, or a runtime that speaks another CRI version fails with a
 * {@link ContainerRuntimeException} naming the endpoint and the fix.
 *
 * <p><b>State directory.</b> The CRI has no volumes and leaves container logs to the caller, so this runtime keeps
 * both under its state directory (default {@value #DEFAULT_STATE_DIR}): {@code pods/<namespace>_<name>_<uid>/}
 * for the CRI log files of sandboxes created without a log directory (removed with the sandbox), and
 * {@code volumes/<name>/} for volumes, whose labels sit in a small metadata file beside the data.
 *
 * <p><b>Images.</b> Images live in containerd's {@code k8s.io} namespace; images built with Docker get there with
 * {@code docker save IMAGE | ctr -a SOCKET -n k8s.io images import -}. Familiar names ({@code nginx:1.27}) are
 * reported among the tags beside containerd's qualified ones ({@code docker.io/library/nginx:1.27}).
 *
 * <p><b>Events.</b> {@link #subscribe} derives events by relisting (like kubelet's PLEG) every
 * {@link #relistInterval} and at once after changes made through this runtime or reported by containerd's
 * {@code GetContainerEvents} stream (containerd 1.7+); every step of a container is reported in order.
 *
 * <p><b>Threads and errors.</b> Thread-safe; calls block (use virtual threads). Failures are
 * {@link ContainerRuntimeException}s naming the object and the endpoint; a socket that does not answer is
 * {@link ContainerRuntimeException.Unavailable}. {@code null} arguments throw {@link NullPointerException}.
 */
public final class ContainerdRuntime implements ContainerRuntime {
    /** The default state directory. */
    public static final String DEFAULT_STATE_DIR = "/var/lib/flotilla/containerd";

    private final CriEndpoint endpoint;
    private final Path stateDir;
    private final Duration callTimeout;
    private final Duration relistInterval;
    private final Object connectLock = new Object();
    private volatile CriNode node;
    private volatile boolean closed;

    private ContainerdRuntime(CriEndpoint endpoint, Path stateDir, Duration callTimeout, Duration relistInterval) {
        this.endpoint = endpoint;
        this.stateDir = stateDir;
        this.callTimeout = callTimeout;
        this.relistInterval = relistInterval;
    }

    /** The containerd at its default socket, {@code unix:///run/containerd/containerd.sock}. */
    public static ContainerdRuntime local() {
        return connect(CriEndpoint.DEFAULT);
    }

    /**
     * The containerd whose CRI socket is {@code endpoint}: {@code unix:///path/to/containerd.sock} or the path.
     *
     * @throws IllegalArgumentException if {@code endpoint} is not a unix socket
     */
    public static ContainerdRuntime connect(String endpoint) {
        return new ContainerdRuntime(CriEndpoint.parse(endpoint), Path.of(DEFAULT_STATE_DIR), Duration.ofMinutes(2),
                Duration.ofSeconds(1));
    }

    /** This runtime keeping logs and volumes under {@code dir} (on containerd's host, which is this one). */
    public ContainerdRuntime stateDir(Path dir) {
        return new ContainerdRuntime(endpoint, Objects.requireNonNull(dir, "dir").toAbsolutePath(), callTimeout,
                relistInterval);
    }

    /** This runtime giving ordinary CRI calls {@code timeout} (default 2 min; pulls, stops and execs take longer). */
    public ContainerdRuntime callTimeout(Duration timeout) {
        return new ContainerdRuntime(endpoint, stateDir, positive(timeout, "timeout"), relistInterval);
    }

    /** This runtime relisting for events every {@code interval} (default 1 s) while someone subscribes. */
    public ContainerdRuntime relistInterval(Duration interval) {
        return new ContainerdRuntime(endpoint, stateDir, callTimeout, positive(interval, "interval"));
    }

    /** The state directory. */
    public Path stateDirectory() {
        return stateDir;
    }

    private static Duration positive(Duration value, String name) {
        if (Objects.requireNonNull(value, name).isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    private CriNode node() {
        CriNode current = node;
        if (current != null && !closed) {
            return current;
        }
        synchronized (connectLock) {
            if (closed) {
                throw new ContainerRuntimeException(endpoint.uri(), "the runtime is closed");
            }
            if (node == null) {
                node = CriNode.connect(endpoint, stateDir, callTimeout, relistInterval, Clock.systemUTC());
            }
            return node;
        }
    }

    @Override
    public String endpoint() {
        return endpoint.uri();
    }

    @Override
    public RuntimeVersion version() {
        return node().version();
    }

    @Override
    public RuntimeInfo info() {
        return node().info();
    }

    @Override
    public String runPodSandbox(PodSandboxConfig config) {
        return node().sandboxes().run(Objects.requireNonNull(config, "config"));
    }

    @Override
    public void stopPodSandbox(String podSandboxId) {
        node().sandboxes().stop(Objects.requireNonNull(podSandboxId, "podSandboxId"));
    }

    @Override
    public void removePodSandbox(String podSandboxId) {
        node().sandboxes().remove(Objects.requireNonNull(podSandboxId, "podSandboxId"));
    }

    @Override
    public PodSandboxStatus podSandboxStatus(String podSandboxId) {
        return node().sandboxes().status(Objects.requireNonNull(podSandboxId, "podSandboxId"));
    }

    @Override
    public List<PodSandbox> listPodSandboxes(PodSandboxFilter filter) {
        return node().sandboxes().list(Objects.requireNonNull(filter, "filter"));
    }

    @Override
    public String createContainer(String podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig) {
        return node().containers().create(Objects.requireNonNull(podSandboxId, "podSandboxId"),
                Objects.requireNonNull(config, "config"), Objects.requireNonNull(sandboxConfig, "sandboxConfig"));
    }

    @Override
    public void startContainer(String containerId) {
        node().containers().start(Objects.requireNonNull(containerId, "containerId"));
    }

    @Override
    public void stopContainer(String containerId, Duration gracePeriod) {
        node().containers().stop(Objects.requireNonNull(containerId, "containerId"),
                Objects.requireNonNull(gracePeriod, "gracePeriod"));
    }

    @Override
    public void removeContainer(String containerId) {
        node().containers().remove(Objects.requireNonNull(containerId, "containerId"));
    }

    @Override
    public RuntimeContainerStatus containerStatus(String containerId) {
        return node().containers().status(Objects.requireNonNull(containerId, "containerId"));
    }

    @Override
    public List<RuntimeContainer> listContainers(ContainerFilter filter) {
        return node().containers().list(Objects.requireNonNull(filter, "filter"));
    }

    @Override
    public ExecResult execSync(String containerId, List<String> command, Duration timeout) {
        return node().containers().exec(Objects.requireNonNull(containerId, "containerId"),
                List.copyOf(command), Objects.requireNonNull(timeout, "timeout"));
    }

    @Override
    public Subscription logs(String containerId, LogOptions options, LogListener listener) {
        return node().containers().logs(Objects.requireNonNull(containerId, "containerId"),
                Objects.requireNonNull(options, "options"), Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public ContainerStats containerStats(String containerId) {
        return node().containers().stats(Objects.requireNonNull(containerId, "containerId"));
    }

    @Override
    public Image pullImage(ImageSpec image, RegistryAuth auth) {
        return node().images().pull(Objects.requireNonNull(image, "image"), auth);
    }

    @Override
    public Optional<Image> imageStatus(ImageSpec image) {
        return node().images().status(Objects.requireNonNull(image, "image"));
    }

    @Override
    public List<Image> listImages() {
        return node().images().list();
    }

    @Override
    public void removeImage(ImageSpec image) {
        node().images().remove(Objects.requireNonNull(image, "image"));
    }

    @Override
    public RuntimeVolume createVolume(String name, Map<String, String> labels) {
        return node().volumes().create(Objects.requireNonNull(name, "name"), Map.copyOf(labels));
    }

    @Override
    public void removeVolume(String name) {
        node().removeVolume(Objects.requireNonNull(name, "name"));
    }

    @Override
    public List<RuntimeVolume> listVolumes(Map<String, String> labels) {
        return node().volumes().list(Objects.requireNonNull(labels, "labels"));
    }

    @Override
    public void writeFiles(String volumeName, Map<String, VolumeFile> files) {
        node().volumes().writeFiles(Objects.requireNonNull(volumeName, "volumeName"), Map.copyOf(files));
    }

    /**
     * The address of containerd's CNI bridge on this host, read from the CNI configuration containerd loaded (the
     * bridge plugin's gateway, by default the first address of its subnet); the same for every cluster.
     */
    @Override
    public Optional<String> podNetworkGateway(String clusterId) {
        Objects.requireNonNull(clusterId, "clusterId");
        return node().gateway().address();
    }

    @Override
    public Subscription subscribe(RuntimeEventListener listener) {
        return node().events().subscribe(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void close() {
        synchronized (connectLock) {
            closed = true;
            if (node != null) {
                node.close();
            }
        }
    }

    @Override
    public String toString() {
        return "ContainerdRuntime[" + endpoint.uri() + ", stateDir=" + stateDir + "]";
    }
}
