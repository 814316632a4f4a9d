package io.flotilla.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
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
import io.flotilla.api.runtime.PortMapping;
import io.flotilla.api.runtime.RegistryAuth;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.api.runtime.RuntimeEventListener;
import io.flotilla.api.runtime.RuntimeInfo;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.RuntimeVersion;
import io.flotilla.api.runtime.RuntimeVolume;
import io.flotilla.api.runtime.Subscription;
import io.flotilla.api.runtime.VolumeFile;
import io.flotilla.runtime.docker.internal.Cleanup;
import io.flotilla.runtime.docker.internal.Engine;
import io.flotilla.runtime.docker.internal.Names;
import io.flotilla.runtime.docker.internal.SandboxSpecs;
import io.flotilla.runtime.docker.internal.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The container runtime of one Docker engine, local or remote: pods as a "dockershim" (a pause container per pod
 * sandbox on the cluster's own user-defined network; the pod's containers join its network and IPC namespaces, so
 * they share {@code 127.0.0.1} and the pod IP survives container restarts). A sandbox declared
 * {@linkplain PodSandboxConfig#singleContainer() single-container} that publishes no host ports gets no pause
 * container on a local engine: its container joins the cluster network itself, with the sandbox's hostname and DNS
 * and an address pinned for the sandbox's life, so the pod keeps its IP across restarts and starts with one
 * container instead of two. Its id starts with {@code inline-}; its containers carry it, and a new runtime adopts
 * it from them.
 *
 * <pre>{@code
 * ContainerRuntime local = DockerRuntime.local();                                  // DOCKER_HOST or the socket
 * ContainerRuntime edge = DockerRuntime.remote(URI.create("tcp://10.0.0.7:2376")).tls(certDir);
 * }</pre>
 *
 * <p><b>Configuration.</b> Instances are configured with copy-with methods ({@link #tls}, {@link #sandboxImage},
 * ...), each returning a new, unconnected runtime. The connection is made on first use and reused: the docker-java
 * client is built once per instance. Plain TCP to an address other than loopback is refused unless
 * {@link #allowInsecure()} (the first call fails with a message saying so); with {@link #tls(Path)} the directory
 * must hold {@code ca.pem}, {@code cert.pem} and {@code key.pem}.
 *
 * <p><b>Networks, ports, volumes.</b> Every cluster (the {@link RuntimeLabels#CLUSTER} label of its sandboxes) gets
 * a labelled bridge network {@code flotilla-<cluster>}, created on first use and removed when its last sandbox is
 * removed, at {@link #close()} when empty, or by {@link #cleanup}. On a local engine the network gets the first of
 * Docker's default pools (172.17–31.0.0/16, then 192.168.x.0/20) that no network or host interface uses; Docker
 * hands out the lower half, the upper half holds the pinned addresses of single-container pods. Host ports of mappings without a host address
 * are published on {@code 127.0.0.1} for local engines and {@code 0.0.0.0} for remote ones
 * ({@link #defaultHostIp}). Volume files ({@link #writeFiles}) go through the archive API, so they work on remote
 * engines and keep their modes.
 *
 * <p><b>Events.</b> {@link #subscribe} follows Docker's event stream, reconnects with backoff when it breaks (for
 * example when the daemon restarts) and then calls {@link RuntimeEventListener#onGap}; it also calls {@code onGap}
 * every {@link #relistInterval} (60 s by default) so a listener that relists on gaps misses nothing.
 *
 * <p><b>Threads and errors.</b> Thread-safe; calls block (use virtual threads) and may run in parallel over a pool of
 * {@link #maxConnections} connections. Failures are {@link ContainerRuntimeException}s naming the object, the
 * daemon's message and the endpoint; a daemon that does not answer is {@link ContainerRuntimeException.Unavailable}.
 * {@code null} arguments throw {@link NullPointerException}.
 */
public final class DockerRuntime implements ContainerRuntime {
    private final Settings settings;
    private final Object connectLock = new Object();
    private volatile Engine engine;
    private volatile boolean closed;

    private DockerRuntime(Settings settings) {
        this.settings = settings;
    }

    /** The local engine: {@code DOCKER_HOST} (with {@code DOCKER_TLS_VERIFY}/{@code DOCKER_CERT_PATH}) or the default socket. */
    public static DockerRuntime local() {
        URI host = DefaultDockerClientConfig.createDefaultConfigBuilder().build().getDockerHost();
        return new DockerRuntime(Settings.forHost(host, true));
    }

    /**
     * The engine at {@code host}: {@code tcp://host:port} (add {@link #tls(Path)} or, for a trusted network,
     * {@link #allowInsecure()}) or {@code unix:///path/to/docker.sock}.
     */
    public static DockerRuntime remote(URI host) {
        return new DockerRuntime(Settings.forHost(Objects.requireNonNull(host, "host"), false));
    }

    /** This runtime speaking TLS with the {@code ca.pem}, {@code cert.pem} and {@code key.pem} in {@code certDir}. */
    public DockerRuntime tls(Path certDir) {
        return new DockerRuntime(settings.withTls(certDir));
    }

    /** This runtime, accepting plain (unauthenticated, unencrypted) TCP to a non-loopback address. */
    public DockerRuntime allowInsecure() {
        return new DockerRuntime(settings.withAllowInsecure());
    }

    /** This runtime with pod sandboxes (and volume helpers) from {@code image}; it needs only a root file system
     * and a command that runs until killed. Default {@value Settings#DEFAULT_SANDBOX_IMAGE}. */
    public DockerRuntime sandboxImage(String image) {
        return new DockerRuntime(settings.withSandboxImage(Objects.requireNonNull(image, "image")));
    }

    /** This runtime publishing ports whose mapping names no host address on {@code hostIp}. */
    public DockerRuntime defaultHostIp(String hostIp) {
        return new DockerRuntime(settings.withDefaultHostIp(Objects.requireNonNull(hostIp, "hostIp")));
    }

    /** This runtime putting every sandbox on the existing or new network {@code name} (never removed by it). */
    public DockerRuntime network(String name) {
        return new DockerRuntime(settings.withNetwork(name));
    }

    /** This runtime with an HTTP connection pool of {@code size} (default 64). */
    public DockerRuntime maxConnections(int size) {
        return new DockerRuntime(settings.withMaxConnections(size));
    }

    /** This runtime with the given connect and response timeouts (defaults 5 s and 5 min). */
    public DockerRuntime timeouts(Duration connect, Duration response) {
        return new DockerRuntime(settings.withTimeouts(connect, response));
    }

    /** This runtime telling event subscribers to relist every {@code interval}; zero turns it off. */
    public DockerRuntime relistInterval(Duration interval) {
        return new DockerRuntime(settings.withRelistInterval(interval));
    }

    private Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (connectLock) {
                if (closed) {
                    throw new ContainerRuntimeException(endpoint(), "the runtime is closed");
                }
                e = engine;
                if (e == null) {
                    e = new Engine(settings);
                    engine = e;
                }
            }
        }
        if (closed) {
            throw new ContainerRuntimeException(endpoint(), "the runtime is closed");
        }
        return e;
    }

    /** The docker-java client, for tests and benchmarks of this module. */
    DockerClient dockerClient() {
        return engine().docker();
    }

    @Override
    public String endpoint() {
        return settings.endpoint();
    }

    @Override
    public RuntimeVersion version() {
        return engine().version();
    }

    @Override
    public RuntimeInfo info() {
        return engine().info();
    }

    @Override
    public String runPodSandbox(PodSandboxConfig config) {
        return engine().sandboxes().run(Objects.requireNonNull(config, "config"));
    }

    /**
     * Creates the sandbox's pause container and returns while a virtual thread starts it (the network set-up is
     * most of a pod's start), so the pod's containers can be created meanwhile; see
     * {@link ContainerRuntime#beginPodSandbox}.
     */
    @Override
    public String beginPodSandbox(PodSandboxConfig config) {
        return engine().sandboxes().begin(Objects.requireNonNull(config, "config"));
    }

    @Override
    public void stopPodSandbox(String podSandboxId) {
        engine().sandboxes().stop(Objects.requireNonNull(podSandboxId, "podSandboxId"));
    }

    @Override
    public void removePodSandbox(String podSandboxId) {
        engine().sandboxes().remove(Objects.requireNonNull(podSandboxId, "podSandboxId"));
    }

    @Override
    public PodSandboxStatus podSandboxStatus(String podSandboxId) {
        return engine().sandboxes().status(Objects.requireNonNull(podSandboxId, "podSandboxId"));
    }

    @Override
    public List<PodSandbox> listPodSandboxes(PodSandboxFilter filter) {
        return engine().sandboxes().list(Objects.requireNonNull(filter, "filter"));
    }

    @Override
    public String createContainer(String podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig) {
        return engine().containers().create(Objects.requireNonNull(podSandboxId, "podSandboxId"),
                Objects.requireNonNull(config, "config"), Objects.requireNonNull(sandboxConfig, "sandboxConfig"));
    }

    @Override
    public void startContainer(String containerId) {
        engine().containers().start(Objects.requireNonNull(containerId, "containerId"));
    }

    @Override
    public void stopContainer(String containerId, Duration gracePeriod) {
        engine().containers().stop(Objects.requireNonNull(containerId, "containerId"),
                Objects.requireNonNull(gracePeriod, "gracePeriod"));
    }

    @Override
    public void removeContainer(String containerId) {
        engine().containers().remove(Objects.requireNonNull(containerId, "containerId"));
    }

    @Override
    public RuntimeContainerStatus containerStatus(String containerId) {
        return engine().containers().status(Objects.requireNonNull(containerId, "containerId"));
    }

    @Override
    public List<RuntimeContainer> listContainers(ContainerFilter filter) {
        return engine().containers().list(Objects.requireNonNull(filter, "filter"));
    }

    @Override
    public ExecResult execSync(String containerId, List<String> command, Duration timeout) {
        return engine().execs().run(Objects.requireNonNull(containerId, "containerId"),
                List.copyOf(command), Objects.requireNonNull(timeout, "timeout"));
    }

    @Override
    public Subscription logs(String containerId, LogOptions options, LogListener listener) {
        return engine().logs().open(Objects.requireNonNull(containerId, "containerId"),
                Objects.requireNonNull(options, "options"), Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public ContainerStats containerStats(String containerId) {
        return engine().stats().sample(Objects.requireNonNull(containerId, "containerId"));
    }

    @Override
    public Image pullImage(ImageSpec image, RegistryAuth auth) {
        return engine().images().pull(Objects.requireNonNull(image, "image"), auth);
    }

    @Override
    public Optional<Image> imageStatus(ImageSpec image) {
        return engine().images().status(Objects.requireNonNull(image, "image"));
    }

    @Override
    public List<Image> listImages() {
        return engine().images().list();
    }

    @Override
    public void removeImage(ImageSpec image) {
        engine().images().remove(Objects.requireNonNull(image, "image"));
    }

    @Override
    public RuntimeVolume createVolume(String name, Map<String, String> labels) {
        return engine().volumes().create(Objects.requireNonNull(name, "name"), Map.copyOf(labels));
    }

    @Override
    public void removeVolume(String name) {
        engine().volumes().remove(Objects.requireNonNull(name, "name"));
    }

    @Override
    public List<RuntimeVolume> listVolumes(Map<String, String> labels) {
        return engine().volumes().list(Map.copyOf(labels));
    }

    @Override
    public void writeFiles(String volumeName, Map<String, VolumeFile> files) {
        engine().volumes().writeFiles(Objects.requireNonNull(volumeName, "volumeName"), Map.copyOf(files));
    }

    /**
     * The gateway of the cluster's Docker network (or of the network set with {@link #network(String)}), creating
     * the network if needed. The address is on this engine's host: a local engine's, or a remote engine's on that
     * machine (so a service on the machine running Flotilla cannot listen there unless the engine runs on it too).
     */
    @Override
    public Optional<String> podNetworkGateway(String clusterId) {
        Objects.requireNonNull(clusterId, "clusterId");
        String network = settings.network() != null ? settings.network() : Names.network(clusterId);
        return engine().networks().gateway(network, clusterId);
    }

    @Override
    public Subscription subscribe(RuntimeEventListener listener) {
        return engine().subscribe(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * A port a sandbox publishes on the host.
     *
     * @param protocol      the protocol
     * @param containerPort the port inside the pod
     * @param hostIp        the host address it is bound to
     * @param hostPort      the host port (chosen by Docker for ephemeral ports)
     */
    public record PublishedPort(PortMapping.Protocol protocol, int containerPort, String hostIp, int hostPort) {
    }

    /**
     * The ports sandbox {@code podSandboxId} publishes: its {@link PortMapping}s and the ephemeral ports named by
     * the sandbox annotation {@value SandboxSpecs#EPHEMERAL_PORTS_ANNOTATION} (such as {@code 8080/tcp}), with the
     * host ports Docker chose.
     *
     * @throws ContainerRuntimeException.NotFound if there is no such sandbox
     */
    public List<PublishedPort> publishedPorts(String podSandboxId) {
        Objects.requireNonNull(podSandboxId, "podSandboxId");
        InspectContainerResponse inspect;
        try {
            inspect = engine().docker().inspectContainerCmd(engine().sandboxes().networkHolder(podSandboxId)).exec();
        } catch (NotFoundException e) {
            throw new ContainerRuntimeException.NotFound(endpoint(), ObjectKind.SANDBOX, podSandboxId);
        } catch (RuntimeException e) {
            throw engine().errors().translate(e, ObjectKind.SANDBOX, podSandboxId);
        }
        List<PublishedPort> ports = new ArrayList<>();
        if (inspect.getNetworkSettings() == null || inspect.getNetworkSettings().getPorts() == null) {
            return ports;
        }
        for (Map.Entry<ExposedPort, Ports.Binding[]> e : inspect.getNetworkSettings().getPorts().getBindings()
                .entrySet()) {
            PortMapping.Protocol protocol = PortMapping.Protocol.valueOf(
                    e.getKey().getProtocol().name().toUpperCase(Locale.ROOT));
            for (Ports.Binding binding : e.getValue() == null ? new Ports.Binding[0] : e.getValue()) {
                ports.add(new PublishedPort(protocol, e.getKey().getPort(), binding.getHostIp(),
                        Integer.parseInt(binding.getHostPortSpec())));
            }
        }
        return ports;
    }

    /**
     * What {@link #cleanup} removed.
     *
     * @param containers containers and sandboxes
     * @param volumes    volumes
     * @param networks   networks (one Docker refuses to remove is not counted, and logged if no container uses it)
     */
    public record Removed(int containers, int volumes, int networks) {
    }

    /**
     * Removes everything of cluster {@code clusterId} from the engine (containers and sandboxes by force, without
     * grace periods; then volumes, PVC ones included; then networks): the clean-up after a crash or a test.
     */
    public Removed cleanup(String clusterId) {
        Cleanup.Removed removed = new Cleanup(engine()).removeCluster(Objects.requireNonNull(clusterId, "clusterId"));
        return new Removed(removed.containers(), removed.volumes(), removed.networks());
    }

    /** The names of the networks labelled with cluster {@code clusterId}. */
    public List<String> listNetworks(String clusterId) {
        return engine().networks().list(RuntimeLabels.cluster(Objects.requireNonNull(clusterId, "clusterId")))
                .stream().map(n -> n.getName()).toList();
    }

    /** Ends subscriptions, removes networks this runtime used that are now empty, and releases the connection. */
    @Override
    public void close() {
        Engine e;
        synchronized (connectLock) {
            if (closed) {
                return;
            }
            closed = true;
            e = engine;
        }
        if (e != null) {
            e.close();
        }
    }

    @Override
    public String toString() {
        return "DockerRuntime[" + endpoint() + "]";
    }
}
