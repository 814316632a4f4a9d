package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.flotilla.api.runtime.PodSandbox;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.PodSandboxStatus;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.SandboxState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sandboxes of single-container pods ({@link PodSandboxConfig#singleContainer()}) with no pause container: the
 * sandbox is a record here, and each container created in it joins the cluster network itself, with the sandbox's
 * hostname, DNS, published ports, sysctls and an address pinned for the sandbox's whole life ({@link
 * PinnedAddresses}), so the pod keeps its IP across container restarts as it would with a pause container. A pod
 * start then costs one container start instead of two.
 *
 * <p>Only networks with a pinned range qualify (those this runtime created on a local engine, see {@link
 * PodSubnets}); other sandboxes are pause containers. An inline sandbox is ready from its creation until it is
 * stopped, whatever its container does. Its containers carry its labels and IP ({@link Labels#inlineContainer}), so a
 * new runtime finds it through them (and reports it ready while any is left); one with no container left is gone, as
 * a pause container would be after a crash. Ids start with {@link #ID_PREFIX}. Thread-safe.
 */
final class InlineSandboxes {
    /** The prefix of inline sandbox ids; Docker's ids are hexadecimal, so they never clash. */
    static final String ID_PREFIX = "inline-";

    private final DockerClient docker;
    private final Errors errors;
    private final Networks networks;
    private final Map<String, Sandbox> sandboxes = new ConcurrentHashMap<>();
    private final Map<String, PinnedAddresses> addresses = new ConcurrentHashMap<>();

    /** One inline sandbox; {@code ready} until stopped. */
    private static final class Sandbox {
        final String id;
        final String network;
        final String ip;
        final Map<String, String> labels;
        final Instant createdAt;
        volatile boolean ready = true;

        Sandbox(String id, String network, String ip, Map<String, String> labels, Instant createdAt) {
            this.id = id;
            this.network = network;
            this.ip = ip;
            this.labels = Map.copyOf(labels);
            this.createdAt = createdAt;
        }
    }

    InlineSandboxes(DockerClient docker, Errors errors, Networks networks) {
        this.docker = docker;
        this.errors = errors;
        this.networks = networks;
    }

    /** Whether {@code sandboxId} names an inline sandbox. */
    static boolean isInline(String sandboxId) {
        return sandboxId.startsWith(ID_PREFIX);
    }

    /**
     * Creates an inline sandbox for {@code config} on {@code network} if it qualifies (one container, a network with
     * a pinned range); empty if it does not, and the caller starts a pause container.
     */
    Optional<String> create(PodSandboxConfig config, String network) {
        if (!config.singleContainer() || network == null || publishesPorts(config)) {
            return Optional.empty();
        }
        Optional<Ipv4Cidr> range = networks.pinnedRange(network, config.labels().get(RuntimeLabels.CLUSTER));
        if (range.isEmpty()) {
            return Optional.empty();
        }
        String ip = addresses(network, range.get()).allocate();
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        String id = ID_PREFIX + HexFormat.of().formatHex(random);
        sandboxes.put(id, new Sandbox(id, network, ip, Labels.sandbox(config, network), Instant.now()));
        return Optional.of(id);
    }

    /**
     * Whether the sandbox publishes host ports: those stay with a pause container, which holds them across container
     * restarts (an ephemeral port would change, a fixed one could be taken meanwhile) and reports a clash as the
     * sandbox's failure, as kubelet does.
     */
    private static boolean publishesPorts(PodSandboxConfig config) {
        return !config.portMappings().isEmpty()
                || config.annotations().containsKey(SandboxSpecs.EPHEMERAL_PORTS_ANNOTATION);
    }

    /** The addresses of {@code network}, seeded on first use with those its inline containers hold. */
    private PinnedAddresses addresses(String network, Ipv4Cidr range) {
        return addresses.computeIfAbsent(network, n -> {
            PinnedAddresses pinned = new PinnedAddresses(range);
            for (Container c : listContainers(Map.of(Labels.INLINE_SANDBOX_LABEL_PREFIX + Labels.NETWORK, n))) {
                pinned.reserve(c.getLabels().get(Labels.POD_IP));
            }
            sandboxes.values().stream().filter(s -> s.network.equals(n) && s.ready).forEach(s -> pinned.reserve(s.ip));
            return pinned;
        });
    }

    /**
     * Points {@code cmd} (an application container's create, configured by {@link ContainerSpecs}) at the network of
     * inline sandbox {@code sandboxId}: its own network namespace on the sandbox's network with the sandbox's IP,
     * what {@link SandboxSpecs#applyNetwork} sets from {@code sandboxConfig}, sysctls and the labels that let a new
     * runtime find the sandbox again.
     *
     * @throws ContainerRuntimeException.NotFound if there is no such sandbox
     */
    void configure(CreateContainerCmd cmd, String sandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig,
                   String defaultHostIp) {
        Sandbox sandbox = find(sandboxId);
        HostConfig host = cmd.getHostConfig().withNetworkMode(sandbox.network).withIpcMode("private");
        SandboxSpecs.applyNetwork(cmd, host, sandboxConfig, defaultHostIp);
        if (!sandboxConfig.sysctls().isEmpty()) {
            host.withSysctls(sandboxConfig.sysctls());
        }
        cmd.withHostConfig(host).withIpv4Address(sandbox.ip)
                .withLabels(Labels.inlineContainer(config, sandboxId, sandbox.labels, sandbox.ip));
    }

    /** Whether {@code sandboxId} is ready (read from its containers if this runtime did not create it). */
    boolean isReady(String sandboxId) {
        return find(sandboxId).ready;
    }

    /**
     * The status of {@code sandboxId}.
     *
     * @throws ContainerRuntimeException.NotFound if there is no such sandbox
     */
    PodSandboxStatus status(String sandboxId) {
        Sandbox s = find(sandboxId);
        return new PodSandboxStatus(s.id, Labels.sandboxMetadata(s.labels, s.id),
                s.ready ? SandboxState.READY : SandboxState.NOTREADY, s.createdAt, s.ready ? s.ip : null, false,
                Labels.visible(s.labels), Labels.annotations(s.labels));
    }

    /** Marks {@code sandboxId} stopped (its containers are the caller's to stop) and frees its IP. Idempotent. */
    void stopped(String sandboxId) {
        lookUp(sandboxId).ifPresent(s -> {
            if (s.ready) {
                s.ready = false;
                release(s);
            }
        });
    }

    /** The network of {@code sandboxId}, if there is such a sandbox. */
    Optional<String> network(String sandboxId) {
        return lookUp(sandboxId).map(s -> s.network);
    }

    /**
     * Forgets {@code sandboxId} and frees its address; call after removing its containers. Idempotent.
     */
    void removed(String sandboxId) {
        Sandbox sandbox = sandboxes.remove(sandboxId);
        if (sandbox != null && sandbox.ready) {
            release(sandbox);
        }
    }

    private void release(Sandbox s) {
        PinnedAddresses pinned = addresses.get(s.network);
        if (pinned != null) {
            pinned.release(s.ip);
        }
    }

    /** Whether a ready inline sandbox is on {@code network}: then it must stay even while no container runs. */
    boolean holds(String network) {
        return sandboxes.values().stream().anyMatch(s -> s.ready && s.network.equals(network));
    }

    /** The inline sandboxes passing {@code filter}: those created here and those found through their containers. */
    List<PodSandbox> list(PodSandboxFilter filter) {
        if (filter.id() != null && !isInline(filter.id())) {
            return List.of();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        filter.labels().forEach((k, v) -> labels.put(Labels.INLINE_SANDBOX_LABEL_PREFIX + k, v));
        if (filter.id() != null) {
            labels.put(Labels.INLINE_SANDBOX, filter.id());
        }
        Map<String, Sandbox> all = new LinkedHashMap<>(sandboxes);
        found(listContainers(labels)).forEach(all::putIfAbsent);
        List<PodSandbox> out = new ArrayList<>();
        for (Sandbox s : all.values()) {
            PodSandbox sandbox = new PodSandbox(s.id, Labels.sandboxMetadata(s.labels, s.id),
                    s.ready ? SandboxState.READY : SandboxState.NOTREADY, s.createdAt, Labels.visible(s.labels),
                    Labels.annotations(s.labels));
            if (filter.matches(sandbox)) {
                out.add(sandbox);
            }
        }
        return out;
    }

    private Sandbox find(String sandboxId) {
        return lookUp(sandboxId).orElseThrow(() -> new ContainerRuntimeException.NotFound(errors.endpoint(),
                ObjectKind.SANDBOX, sandboxId));
    }

    /**
     * The sandbox: this runtime's record, else one read from its containers. Those are never kept: a listing that
     * raced a removal would otherwise keep a sandbox whose containers are gone.
     */
    private Optional<Sandbox> lookUp(String sandboxId) {
        Sandbox known = sandboxes.get(sandboxId);
        if (known != null || !isInline(sandboxId)) {
            return Optional.ofNullable(known);
        }
        return Optional.ofNullable(found(listContainers(Map.of(Labels.INLINE_SANDBOX, sandboxId))).get(sandboxId));
    }

    /**
     * The sandboxes of {@code containers} this runtime did not create, by id (ready: a sandbox another runtime
     * stopped cannot be told apart), their addresses reserved.
     */
    private Map<String, Sandbox> found(List<Container> containers) {
        Map<String, Sandbox> found = new LinkedHashMap<>();
        for (Container c : containers) {
            Map<String, String> labels = c.getLabels();
            String id = labels.get(Labels.INLINE_SANDBOX);
            String ip = labels.get(Labels.POD_IP);
            Map<String, String> sandboxLabels = Labels.inlineSandboxLabels(labels);
            String network = sandboxLabels.get(Labels.NETWORK);
            if (id == null || ip == null || network == null) {
                continue;
            }
            if (sandboxes.containsKey(id) || found.containsKey(id)) {
                continue;
            }
            PinnedAddresses pinned = addresses.get(network);
            if (pinned != null) {
                pinned.reserve(ip);
            }
            Instant created = Instant.ofEpochSecond(c.getCreated() == null ? 0 : c.getCreated());
            found.put(id, new Sandbox(id, network, ip, sandboxLabels, created));
        }
        return found;
    }

    /**
     * The container holding {@code sandboxId}'s network now: its running container, else its newest.
     *
     * @throws ContainerRuntimeException.NotFound if it has none
     */
    String holder(String sandboxId) {
        List<Container> containers = listContainers(Map.of(Labels.INLINE_SANDBOX, sandboxId));
        return containers.stream().filter(c -> "running".equals(c.getState())).findFirst()
                .or(() -> containers.stream().findFirst()).map(Container::getId)
                .orElseThrow(() -> new ContainerRuntimeException.NotFound(errors.endpoint(), ObjectKind.SANDBOX,
                        sandboxId));
    }

    /** Inline sandboxes' containers (of any state) with {@code labels}. */
    private List<Container> listContainers(Map<String, String> labels) {
        List<String> filter = new ArrayList<>();
        filter.add(Labels.INLINE_SANDBOX);
        labels.forEach((k, v) -> filter.add(k + "=" + v));
        try {
            return docker.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, "listing pod sandboxes");
        }
    }
}
