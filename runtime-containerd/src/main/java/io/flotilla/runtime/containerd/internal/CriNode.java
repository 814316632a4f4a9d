package io.flotilla.runtime.containerd.internal;

import io.flotilla.api.meta.Quantity;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.RuntimeInfo;
import io.flotilla.api.runtime.RuntimeVersion;
import io.flotilla.runtime.containerd.cri.Cri;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One connected containerd node: the CRI connection, its version, and the sandbox, container, image, volume and
 * event parts that share it. The node's state directory holds {@code pods/} (container logs) and {@code volumes/};
 * because the CRI socket is a unix socket, the runtime is on this host and both are plain local directories.
 * Thread-safe.
 */
public final class CriNode implements AutoCloseable {
    private final CriConnection cri;
    private final RuntimeVersion version;
    private final HostVolumes volumes;
    private final EventHub events;
    private final CriSandboxes sandboxes;
    private final CriImages images;
    private final CriContainers containers;
    private final CniGateway gateway;

    private CriNode(CriConnection cri, RuntimeVersion version, Path stateDir, Duration relistInterval, Clock clock) {
        this.cri = cri;
        this.version = version;
        this.volumes = new HostVolumes(stateDir.resolve("volumes"), cri.endpoint().uri(), clock);
        this.events = new EventHub(new Source(), relistInterval, clock);
        this.gateway = new CniGateway(cri);
        this.sandboxes = new CriSandboxes(cri, stateDir.resolve("pods"), events, gateway);
        this.images = new CriImages(cri);
        this.containers = new CriContainers(cri, sandboxes, images, volumes, events, clock);
    }

    /**
     * Connects to {@code endpoint} and checks its CRI version.
     *
     * @throws ContainerRuntimeException naming the endpoint and the fix when it cannot be used
     */
    public static CriNode connect(CriEndpoint endpoint, Path stateDir, Duration callTimeout, Duration relistInterval,
                                  Clock clock) {
        CriConnection.Opened opened = CriConnection.open(endpoint, callTimeout);
        return new CriNode(opened.connection(), opened.version(), stateDir, relistInterval, clock);
    }

    /** The runtime's version. */
    public RuntimeVersion version() {
        return version;
    }

    /** The pod sandboxes. */
    public CriSandboxes sandboxes() {
        return sandboxes;
    }

    /** The containers. */
    public CriContainers containers() {
        return containers;
    }

    /** The images. */
    public CriImages images() {
        return images;
    }

    /** The volumes. */
    public HostVolumes volumes() {
        return volumes;
    }

    /** The host's address on the CNI pod network. */
    public CniGateway gateway() {
        return gateway;
    }

    /** The events. */
    public EventHub events() {
        return events;
    }

    /**
     * Removes a volume unless a container (running or not) still mounts it.
     *
     * @throws ContainerRuntimeException.InvalidState naming the containers that use it
     */
    public void removeVolume(String name) {
        List<String> users = containers.usersOf(volumes.dataPath(name));
        if (!users.isEmpty()) {
            throw new ContainerRuntimeException.InvalidState(cri.endpoint().uri(), "volume " + name
                    + " is still used by container(s) " + users + ": remove them first");
        }
        volumes.remove(name);
    }

    /** This host's capacity and system information (containerd runs on this host). */
    public RuntimeInfo info() {
        long memory = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getTotalMemorySize();
        String arch = System.getProperty("os.arch", "unknown");
        return new RuntimeInfo(hostname(), System.getProperty("os.name", "linux").toLowerCase(Locale.ROOT),
                arch.equals("x86_64") ? "amd64" : arch.equals("aarch64") ? "arm64" : arch,
                System.getProperty("os.version"), Quantity.of(Runtime.getRuntime().availableProcessors()),
                Quantity.bytes(memory));
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Ends the event subscriptions and closes the connection. Idempotent. */
    @Override
    public void close() {
        events.close();
        cri.close();
    }

    /** What the event hub reads: the CRI lists, statuses and the {@code GetContainerEvents} stream. */
    private final class Source implements EventHub.Source {
        @Override
        public List<Cri.Container> containers() {
            return containers.listRaw(Cri.ContainerFilter.getDefaultInstance());
        }

        @Override
        public List<Cri.PodSandbox> sandboxes() {
            return sandboxes.listRaw(Cri.PodSandboxFilter.getDefaultInstance());
        }

        @Override
        public Optional<Cri.ContainerStatus> status(String containerId) {
            try {
                return containers.rawStatusIfPresent(containerId);
            } catch (ContainerRuntimeException e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<AutoCloseable> stream(Runnable onEvent) {
            // containerd 1.7+ streams events; 1.6 answers UNIMPLEMENTED and the relist loop alone serves
            Context.CancellableContext context = Context.current().withCancellation();
            context.run(() -> cri.streaming().getContainerEvents(Cri.GetEventsRequest.getDefaultInstance(),
                    new StreamObserver<>() {
                        @Override
                        public void onNext(Cri.ContainerEventResponse value) {
                            onEvent.run();
                        }

                        @Override
                        public void onError(Throwable t) {
                            // the relist loop keeps going; nothing is lost but promptness
                        }

                        @Override
                        public void onCompleted() {
                            // as for onError
                        }
                    }));
            return Optional.of(() -> context.cancel(null));
        }
    }
}
