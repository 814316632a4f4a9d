package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.flotilla.api.meta.Quantity;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.RuntimeEventListener;
import io.flotilla.api.runtime.RuntimeInfo;
import io.flotilla.api.runtime.RuntimeVersion;
import io.flotilla.api.runtime.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One connection to one Docker engine and everything built on it: the docker-java client (built once: it costs
 * about half a second) with a connection pool sized for parallel pod starts, and the components of the runtime.
 * Thread-safe.
 */
public final class Engine implements AutoCloseable {
    private final Settings settings;
    private final DockerClient docker;
    private final Errors errors;
    private final Images images;
    private final Networks networks;
    private final Sandboxes sandboxes;
    private final Containers containers;
    private final Execs execs;
    private final LogStreams logs;
    private final Stats stats;
    private final Volumes volumes;
    private final Set<EventPump> pumps = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService relister;

    /**
     * Connects (lazily: no call is made yet) to the engine of {@code settings}.
     *
     * @throws ContainerRuntimeException if the settings break a security rule
     */
    public Engine(Settings settings) {
        this.settings = settings;
        this.errors = new Errors(settings.endpoint());
        String violation = settings.violation();
        if (violation != null) {
            throw new ContainerRuntimeException(settings.endpoint(), violation);
        }
        this.docker = client(settings);
        this.images = new Images(docker, errors);
        this.networks = new Networks(docker, errors, Settings.isLocal(settings.host()));
        this.sandboxes = new Sandboxes(docker, settings, errors, networks, images);
        this.containers = new Containers(docker, errors, sandboxes, images);
        this.execs = new Execs(docker, errors);
        this.logs = new LogStreams(docker, errors, settings.responseTimeout());
        this.stats = new Stats(docker, errors);
        this.volumes = new Volumes(docker, settings, errors, images);
        this.relister = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("flotilla-docker-relist").factory());
    }

    private static DockerClient client(Settings settings) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (!settings.fromEnvironment()) {
            builder.withDockerHost(settings.endpoint()).withDockerTlsVerify(settings.tlsDirectory() != null);
            if (settings.tlsDirectory() != null) {
                builder.withDockerCertPath(settings.tlsDirectory().toString());
            }
        }
        DockerClientConfig config = builder.build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(settings.maxConnections())
                .connectionTimeout(settings.connectTimeout())
                .responseTimeout(settings.responseTimeout())
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** The docker-java client. */
    public DockerClient docker() {
        return docker;
    }

    /** The error translator. */
    public Errors errors() {
        return errors;
    }

    /** Images. */
    public Images images() {
        return images;
    }

    /** Networks. */
    public Networks networks() {
        return networks;
    }

    /** Sandboxes. */
    public Sandboxes sandboxes() {
        return sandboxes;
    }

    /** Containers. */
    public Containers containers() {
        return containers;
    }

    /** Exec. */
    public Execs execs() {
        return execs;
    }

    /** Logs. */
    public LogStreams logs() {
        return logs;
    }

    /** Stats. */
    public Stats stats() {
        return stats;
    }

    /** Volumes. */
    public Volumes volumes() {
        return volumes;
    }

    /** The runtime's version from {@code GET /version}. */
    public RuntimeVersion version() {
        try {
            Version v = docker.versionCmd().exec();
            return new RuntimeVersion("docker", String.valueOf(v.getVersion()), String.valueOf(v.getApiVersion()));
        } catch (RuntimeException e) {
            throw errors.translate(e, "reading the Docker version");
        }
    }

    /** The host's capacity from {@code GET /info}. */
    public RuntimeInfo info() {
        try {
            Info info = docker.infoCmd().exec();
            return new RuntimeInfo(orUnknown(info.getName()), orUnknown(info.getOsType()),
                    architecture(info.getArchitecture()), info.getKernelVersion(),
                    Quantity.of(info.getNCPU() == null ? 0 : info.getNCPU()),
                    Quantity.bytes(info.getMemTotal() == null ? 0 : info.getMemTotal()));
        } catch (RuntimeException e) {
            throw errors.translate(e, "reading the Docker host's info");
        }
    }

    /** Kubernetes' architecture names for Docker's ({@code x86_64} is {@code amd64}). */
    static String architecture(String docker) {
        if (docker == null) {
            return "unknown";
        }
        return switch (docker.toLowerCase(Locale.ROOT)) {
            case "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> docker.toLowerCase(Locale.ROOT);
        };
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    /** Subscribes {@code listener} to events, with reconnects and the periodic relist of the settings. */
    public Subscription subscribe(RuntimeEventListener listener) {
        EventPump pump = new EventPump(new DockerEventSource(docker, settings.responseTimeout()), listener,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)), Thread::sleep);
        try {
            pump.start();
        } catch (RuntimeException e) {
            throw errors.translate(e, "subscribing to Docker events");
        }
        pumps.add(pump);
        Duration every = settings.relistInterval();
        if (!every.isZero()) {
            var task = relister.scheduleWithFixedDelay(() -> pump.gap("periodic relist"), every.toMillis(),
                    every.toMillis(), TimeUnit.MILLISECONDS);
            return () -> {
                task.cancel(false);
                pumps.remove(pump);
                pump.close();
            };
        }
        return () -> {
            pumps.remove(pump);
            pump.close();
        };
    }

    /** Ends all subscriptions, tries to remove the networks that became empty, and closes the client. */
    @Override
    public void close() {
        List.copyOf(pumps).forEach(EventPump::close);
        pumps.clear();
        relister.shutdownNow();
        try {
            volumes.awaitHelperRemovals();
            networks.removeUnused();
        } finally {
            try {
                docker.close();
            } catch (java.io.IOException | RuntimeException ignored) {
                // the connection is going away anyway
            }
        }
    }
}
