package io.flotilla.core.sim;

import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ImagePullFailed;
import io.flotilla.api.runtime.ContainerRuntimeException.InvalidState;
import io.flotilla.api.runtime.ContainerRuntimeException.NotFound;
import io.flotilla.api.runtime.ContainerStats;
import io.flotilla.api.runtime.ExecResult;
import io.flotilla.api.runtime.Image;
import io.flotilla.api.runtime.ImageSpec;
import io.flotilla.api.runtime.LogLine;
import io.flotilla.api.runtime.LogListener;
import io.flotilla.api.runtime.LogOptions;
import io.flotilla.api.runtime.NetworkProbeResult;
import io.flotilla.api.runtime.PodNetworkProber;
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
import io.flotilla.api.runtime.RuntimeVersion;
import io.flotilla.api.runtime.RuntimeVolume;
import io.flotilla.api.runtime.Subscription;
import io.flotilla.api.runtime.VolumeFile;
import io.flotilla.core.time.Cancellable;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link ContainerRuntime} in memory, on an injected {@link Clock}: a KWOK-like stand-in for unit tests and for
 * scale runs of thousands of nodes. Nothing runs: containers follow {@link SimBehavior} scripts chosen by a
 * {@link Scenario}, sandboxes get fictitious IPs from a pod CIDR ({@code 10.244.0.0/24} by default; never dialled),
 * and HTTP/TCP probes are answered by {@link #podNetworkProber()} from those scripts.
 *
 * <pre>{@code
 * VirtualClock clock = VirtualClock.create();
 * Scenario scenario = Scenario.create().forContainer("web", SimBehavior.runsForever().serves(80, "/", 200, "hi"));
 * SimulatedRuntime node = SimulatedRuntime.builder(clock).nodeName("sim-1").scenario(scenario).build();
 * }</pre>
 *
 * <p><b>Cost.</b> A container is a few small objects; it holds no thread, and only its scripted steps are scheduled
 * on the clock. Deterministic: ids, IPs and image ids depend only on the calls made.
 *
 * <p><b>Time.</b> Calls without latency complete at once: a step at offset zero (such as {@code exit 3}) has run when
 * {@code startContainer} returns. Configured latencies ({@link Scenario#pullLatency}, {@link SimBehavior#startLatency},
 * the grace period of a container that {@linkplain SimBehavior#ignoresSigterm ignores SIGTERM}) block the caller
 * until the clock passes them, as the real call would; on a {@code VirtualClock}, another thread must advance the
 * clock meanwhile (a call still waiting after {@link Builder#blockingTimeout} real time fails with
 * {@link ContainerRuntimeException.Unavailable}). Exec never waits: a hanging command times out at once.
 *
 * <p><b>Threads.</b> Thread-safe; one lock per node. Listeners are called one at a time, in order, without the lock
 * held, on the thread whose call or clock task caused the event.
 */
public final class SimulatedRuntime implements ContainerRuntime, PodNetworkProber {
    private final Clock clock;
    private final String nodeName;
    private final String endpoint;
    private final Scenario scenario;
    private final RuntimeInfo info;
    private final ClockWaits waits;
    private final ReentrantLock lock = new ReentrantLock();
    private final SerialDelivery delivery = new SerialDelivery();
    private final SimPods pods;
    private boolean closed;

    SimulatedRuntime(SimulatedRuntimeBuilder b) {
        this.clock = b.clock;
        this.nodeName = b.nodeName;
        this.endpoint = "sim://" + b.nodeName;
        this.scenario = b.scenario;
        this.waits = new ClockWaits(clock, endpoint, b.blockingTimeout);
        this.info = new RuntimeInfo(b.nodeName, "linux", "amd64", "simulated", b.cpu, b.memory);
        this.pods = new SimPods(clock, endpoint, b.podCidr, b.nodeIp, delivery, this::timer);
        scenario.preloaded().forEach(pods.images::add);
        b.images.forEach(pods.images::add);
    }

    /** A builder for a simulated node on {@code clock}. */
    public static SimulatedRuntimeBuilder builder(Clock clock) {
        return new SimulatedRuntimeBuilder(clock);
    }

    /** The node's name, also its hostname. */
    public String nodeName() {
        return nodeName;
    }

    /** The rules this node follows; changes apply to containers started afterwards. */
    public Scenario scenario() {
        return scenario;
    }

    /**
     * The files of a volume, for assertions.
     *
     * @throws NotFound if the volume does not exist
     */
    public Map<String, VolumeFile> volumeFiles(String volumeName) {
        Objects.requireNonNull(volumeName, "volumeName");
        return locked(() -> {
            pods.requireVolume(volumeName);
            return pods.volumes.files(volumeName);
        });
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public RuntimeVersion version() {
        return new RuntimeVersion("flotilla-sim", "0.1.0", "v1");
    }

    @Override
    public RuntimeInfo info() {
        return info;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Simulated: fails like Docker's "port is already allocated" when a host port of {@code config} is
     * {@linkplain Scenario#hostPortInUse(int...) in use} on the node; otherwise the sandbox is ready at once.
     */
    @Override
    public String runPodSandbox(PodSandboxConfig config) {
        Objects.requireNonNull(config, "config");
        return locked(() -> {
            requireFreeHostPorts(config);
            return pods.runSandbox(config);
        });
    }

    private void requireFreeHostPorts(PodSandboxConfig config) {
        for (PortMapping port : config.portMappings()) {
            if (scenario.hostPortTaken(port.hostPort())) {
                throw new ContainerRuntimeException(endpoint, "driver failed programming external connectivity on "
                        + "endpoint " + config.metadata().name() + ": Bind for "
                        + (port.hostIp() != null ? port.hostIp() : "0.0.0.0") + ":" + port.hostPort()
                        + " failed: port is already allocated");
            }
        }
    }

    @Override
    public void stopPodSandbox(String podSandboxId) {
        Objects.requireNonNull(podSandboxId, "podSandboxId");
        run(() -> pods.stopSandbox(podSandboxId));
    }

    @Override
    public void removePodSandbox(String podSandboxId) {
        Objects.requireNonNull(podSandboxId, "podSandboxId");
        run(() -> pods.removeSandbox(podSandboxId));
    }

    @Override
    public PodSandboxStatus podSandboxStatus(String podSandboxId) {
        Objects.requireNonNull(podSandboxId, "podSandboxId");
        return locked(() -> pods.sandbox(podSandboxId).toStatus());
    }

    @Override
    public List<PodSandbox> listPodSandboxes(PodSandboxFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return locked(() -> pods.sandboxes(filter));
    }

    @Override
    public String createContainer(String podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig) {
        Objects.requireNonNull(podSandboxId, "podSandboxId");
        Objects.requireNonNull(config, "config");
        return locked(() -> pods.create(podSandboxId, config));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Simulated: picks the container's {@link SimBehavior} from the scenario, waits out its start latency on the
     * clock (blocking the caller), then runs it; steps at offset zero have run on return. A behaviour that
     * {@linkplain SimBehavior#failsToStart fails to start} throws its error at once and leaves the container created.
     */
    @Override
    public void startContainer(String containerId) {
        Objects.requireNonNull(containerId, "containerId");
        SimBehavior behavior = locked(() -> {
            SimContainer c = pods.beginStart(containerId);
            SimBehavior chosen = scenario.behaviorFor(c.config);
            if (chosen.startFailure() != null) {
                c.starting = false;
                throw new ContainerRuntimeException(endpoint, chosen.startFailure());
            }
            return chosen;
        });
        waits.await(behavior.startLatency(), "the start of container " + containerId);
        run(() -> pods.finishStart(containerId, behavior));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Simulated: a container honouring SIGTERM exits with 143 at once; one ignoring it is killed (137) when the
     * grace period has passed on the clock, and the caller waits for that.
     */
    @Override
    public void stopContainer(String containerId, Duration gracePeriod) {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        SimContainer stopping = locked(() -> {
            SimContainer c = pods.findContainer(containerId);
            if (c != null) {
                pods.processes.stop(c, gracePeriod);
            }
            return c != null && c.running() ? c : null;
        });
        if (stopping != null) {
            waits.await(stopping.exited, gracePeriod, "container " + containerId + " to stop");
        }
    }

    @Override
    public void removeContainer(String containerId) {
        Objects.requireNonNull(containerId, "containerId");
        run(() -> pods.removeContainer(containerId));
    }

    @Override
    public RuntimeContainerStatus containerStatus(String containerId) {
        Objects.requireNonNull(containerId, "containerId");
        return locked(() -> pods.container(containerId).toStatus());
    }

    @Override
    public List<RuntimeContainer> listContainers(ContainerFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return locked(() -> pods.containers(filter));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Simulated: answers from the container's {@link SimBehavior} at once; a command it
     * {@linkplain SimBehavior#execHangs hangs on} times out at once, without waiting for the clock.
     */
    @Override
    public ExecResult execSync(String containerId, List<String> command, Duration timeout) {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(timeout, "timeout");
        return locked(() -> {
            SimContainer c = pods.container(containerId);
            if (!c.running()) {
                throw new InvalidState(endpoint, "container " + containerId + " is not running (state " + c.state
                        + ")");
            }
            return pods.processes.exec(c, List.copyOf(command));
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Simulated: without following, the lines are delivered on the caller's thread before this returns.
     */
    @Override
    public Subscription logs(String containerId, LogOptions options, LogListener listener) {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        if (options.follow()) {
            return locked(() -> pods.container(containerId).log.follow(options, listener, delivery));
        }
        // delivered on the caller's thread, outside the delivery queue, so readLogs works inside listeners too
        List<LogLine> lines = locked(() -> pods.container(containerId).log.snapshot(options));
        lines.forEach(listener::onLine);
        listener.onEnd();
        return () -> { };
    }

    @Override
    public ContainerStats containerStats(String containerId) {
        Objects.requireNonNull(containerId, "containerId");
        return locked(() -> pods.container(containerId).stats(clock.now(), clock.nanoTime()));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Simulated: waits out the scenario's pull latency on the clock (blocking the caller), then fails as the
     * scenario says or makes the image present.
     */
    @Override
    public Image pullImage(ImageSpec image, RegistryAuth auth) {
        Objects.requireNonNull(image, "image");
        Scenario.ImageRule rule = scenario.imageRule(Scenario.normalize(image.image()));
        waits.await(rule.latency(), "the pull of image " + image);
        if (rule.missing()) {
            throw new ImagePullFailed(endpoint, image.image(), true, "manifest for " + image
                    + " not found: manifest unknown", null);
        }
        if (rule.failure() != null) {
            throw new ImagePullFailed(endpoint, image.image(), false, rule.failure(), null);
        }
        return locked(() -> pods.images.add(image.image()));
    }

    @Override
    public Optional<Image> imageStatus(ImageSpec image) {
        Objects.requireNonNull(image, "image");
        return locked(() -> pods.images.find(image.image()));
    }

    @Override
    public List<Image> listImages() {
        return locked(pods.images::all);
    }

    @Override
    public void removeImage(ImageSpec image) {
        Objects.requireNonNull(image, "image");
        run(() -> pods.images.remove(image.image()));
    }

    @Override
    public RuntimeVolume createVolume(String name, Map<String, String> labels) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(labels, "labels");
        return locked(() -> pods.volumes.create(name, labels, clock.now()));
    }

    @Override
    public void removeVolume(String name) {
        Objects.requireNonNull(name, "name");
        run(() -> pods.removeVolume(name));
    }

    @Override
    public List<RuntimeVolume> listVolumes(Map<String, String> labels) {
        Objects.requireNonNull(labels, "labels");
        return locked(() -> pods.volumes.list(labels));
    }

    @Override
    public void writeFiles(String volumeName, Map<String, VolumeFile> files) {
        Objects.requireNonNull(volumeName, "volumeName");
        Objects.requireNonNull(files, "files");
        files.keySet().forEach(SimVolumes::checkPath);
        run(() -> {
            pods.requireVolume(volumeName);
            pods.volumes.write(volumeName, files);
        });
    }

    @Override
    public Subscription subscribe(RuntimeEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        return locked(() -> pods.events.add(listener));
    }

    /** This runtime: probes are answered from the behaviours of the sandbox's running containers. */
    @Override
    public Optional<PodNetworkProber> podNetworkProber() {
        return Optional.of(this);
    }

    /**
     * Answers from the {@link SimBehavior#serves} declarations of the sandbox's running containers: their status
     * for a declared path, 404 for another path on a served port, and "connection refused" when nothing serves the
     * port or the sandbox is not ready. Never waits.
     */
    @Override
    public NetworkProbeResult httpGet(String podSandboxId, String scheme, int port, String path,
                                      Map<String, String> headers, Duration timeout) {
        Objects.requireNonNull(podSandboxId, "podSandboxId");
        Objects.requireNonNull(path, "path");
        return locked(() -> SimProbes.http(pods.sandbox(podSandboxId), port, path, pods.processes));
    }

    /** Connects when a running container of the sandbox listens on {@code port} (or serves HTTP on it). */
    @Override
    public NetworkProbeResult tcpConnect(String podSandboxId, int port, Duration timeout) {
        Objects.requireNonNull(podSandboxId, "podSandboxId");
        return locked(() -> SimProbes.tcp(pods.sandbox(podSandboxId), port, pods.processes));
    }

    /** Stops scripted steps and ends all subscriptions; sandboxes and containers stay as they are. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            pods.cancelAllTimers();
            pods.events.clear();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "SimulatedRuntime[" + endpoint + "]";
    }

    /** Runs {@code action} with the lock held {@code delay} from now, unless the runtime was closed meanwhile. */
    private Cancellable timer(Duration delay, Runnable action) {
        return clock.schedule(delay, () -> {
            lock.lock();
            try {
                if (!closed) {
                    action.run();
                }
            } finally {
                lock.unlock();
                delivery.drain();
            }
        });
    }

    private void run(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            if (closed) {
                throw new ContainerRuntimeException(endpoint, "the simulated runtime was closed");
            }
            return action.get();
        } finally {
            lock.unlock();
            delivery.drain();
        }
    }
}
