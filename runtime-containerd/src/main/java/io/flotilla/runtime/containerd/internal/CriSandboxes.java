package io.flotilla.runtime.containerd.internal;

import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.flotilla.api.runtime.PodSandbox;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.PodSandboxStatus;
import io.flotilla.api.runtime.SandboxState;
import io.flotilla.runtime.containerd.cri.Cri;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Pod sandboxes through the CRI: one {@code RunPodSandbox} per sandbox (the runtime creates the pause container and
 * sets up its CNI network, ports and DNS), with container logs in a per-pod directory under the node's state
 * directory unless the configuration names one. Thread-safe.
 *
 * <p>On an IPv4-only CNI network a sandbox gets IPv6 disabled (unless its configuration sets that sysctl), as Docker
 * does for a container on a network without IPv6. It matters to clients: with IPv6 on (link-local addresses only)
 * glibc's getaddrinfo sorts the A records of a name by RFC 6724 rule 9, so every lookup of a Service in the pod's
 * own subnet yields the nearest backend first and DNS round robin never spreads the load.
 */
public final class CriSandboxes {
    /** The sysctl that turns IPv6 off on every interface of the sandbox's network namespace. */
    static final String DISABLE_IPV6 = "net.ipv6.conf.all.disable_ipv6";
    private final CriConnection cri;
    private final Path podsDir;
    private final EventHub events;
    private final CniGateway network;

    /** Sandboxes of {@code cri}, logging under {@code podsDir}, on the CNI network {@code network} describes. */
    public CriSandboxes(CriConnection cri, Path podsDir, EventHub events, CniGateway network) {
        this.cri = cri;
        this.podsDir = podsDir;
        this.events = events;
        this.network = network;
    }

    /**
     * The CRI configuration of {@code config}, as both {@code RunPodSandbox} and {@code CreateContainer} send it.
     *
     * @throws ContainerRuntimeException if the runtime cannot say what its CNI network is
     */
    public Cri.PodSandboxConfig criConfig(PodSandboxConfig config) {
        Cri.PodSandboxConfig mapped = CriMapping.sandboxConfig(config,
                CriMapping.podLogDirectory(podsDir, config.metadata()));
        if (config.hostNetwork() || config.sysctls().containsKey(DISABLE_IPV6) || !network.ipv4Only()) {
            return mapped;
        }
        Cri.PodSandboxConfig.Builder out = mapped.toBuilder();
        out.getLinuxBuilder().putSysctls(DISABLE_IPV6, "1");
        return out.build();
    }

    /** Runs a sandbox and returns its id. */
    public String run(PodSandboxConfig config) {
        Cri.PodSandboxConfig cfg = criConfig(config);
        try {
            Files.createDirectories(Path.of(cfg.getLogDirectory()));
        } catch (IOException e) {
            throw new ContainerRuntimeException(cri.endpoint().uri(), "cannot create the log directory "
                    + cfg.getLogDirectory() + " of pod " + config.metadata().podKey() + ": " + e.getMessage(), e);
        }
        try {
            String id = cri.runtime().runPodSandbox(Cri.RunPodSandboxRequest.newBuilder().setConfig(cfg).build())
                    .getPodSandboxId();
            events.poke();
            return id;
        } catch (StatusRuntimeException e) {
            throw cri.errors().translate(e, ObjectKind.SANDBOX, "of pod " + config.metadata().podKey());
        }
    }

    /** Stops a sandbox; nothing happens when it is gone. */
    public void stop(String id) {
        try {
            cri.runtime().stopPodSandbox(Cri.StopPodSandboxRequest.newBuilder().setPodSandboxId(id).build());
            events.poke();
        } catch (StatusRuntimeException e) {
            if (!CriErrors.isNotFound(e)) {
                throw cri.errors().translate(e, ObjectKind.SANDBOX, id);
            }
        }
    }

    /** Removes a sandbox with its containers and its default log directory; nothing happens when it is gone. */
    public void remove(String id) {
        PodSandboxStatus status;
        try {
            status = status(id);
        } catch (ContainerRuntimeException.NotFound e) {
            return;
        }
        events.relistNow(); // let the events see its containers before they vanish
        stop(id);
        try {
            cri.runtime().removePodSandbox(Cri.RemovePodSandboxRequest.newBuilder().setPodSandboxId(id).build());
        } catch (StatusRuntimeException e) {
            if (!CriErrors.isNotFound(e)) {
                throw cri.errors().translate(e, ObjectKind.SANDBOX, id);
            }
        }
        events.poke();
        deleteQuietly(CriMapping.podLogDirectory(podsDir, status.metadata()));
    }

    /** The status of a sandbox. */
    public PodSandboxStatus status(String id) {
        Cri.PodSandboxStatus s;
        try {
            s = cri.runtime().podSandboxStatus(Cri.PodSandboxStatusRequest.newBuilder().setPodSandboxId(id).build())
                    .getStatus();
        } catch (StatusRuntimeException e) {
            throw notFoundOr(e, id);
        }
        boolean hostNetwork = s.getLinux().getNamespaces().getOptions().getNetwork() == Cri.NamespaceMode.NODE;
        SandboxState state = CriMapping.state(s.getState());
        String ip = hostNetwork || state != SandboxState.READY ? null : CriMapping.emptyToNull(s.getNetwork().getIp());
        return new PodSandboxStatus(s.getId(), CriMapping.metadata(s.getMetadata()), state,
                CriMapping.requiredInstant(s.getCreatedAt()), ip, hostNetwork, s.getLabelsMap(),
                s.getAnnotationsMap());
    }

    /** The sandboxes passing {@code filter}, oldest first. */
    public List<PodSandbox> list(PodSandboxFilter filter) {
        Cri.PodSandboxFilter.Builder criFilter = Cri.PodSandboxFilter.newBuilder().putAllLabelSelector(filter.labels());
        if (filter.id() != null) {
            criFilter.setId(filter.id());
        }
        if (filter.state() != null) {
            criFilter.setState(Cri.PodSandboxStateValue.newBuilder().setState(CriMapping.state(filter.state())));
        }
        return listRaw(criFilter.build()).stream()
                .map(s -> new PodSandbox(s.getId(), CriMapping.metadata(s.getMetadata()),
                        CriMapping.state(s.getState()), CriMapping.requiredInstant(s.getCreatedAt()),
                        s.getLabelsMap(), s.getAnnotationsMap()))
                .filter(filter::matches) // the CRI matches ids by prefix
                .sorted(Comparator.comparing(PodSandbox::createdAt))
                .toList();
    }

    /** The CRI's own list, for the event hub. */
    public List<Cri.PodSandbox> listRaw(Cri.PodSandboxFilter filter) {
        try {
            return cri.runtime().listPodSandbox(Cri.ListPodSandboxRequest.newBuilder().setFilter(filter).build())
                    .getItemsList();
        } catch (StatusRuntimeException e) {
            throw cri.errors().translate(e, "listing pod sandboxes");
        }
    }

    private ContainerRuntimeException notFoundOr(StatusRuntimeException e, String id) {
        return CriErrors.isNotFound(e) ? new ContainerRuntimeException.NotFound(cri.endpoint().uri(),
                ObjectKind.SANDBOX, id) : cri.errors().translate(e, ObjectKind.SANDBOX, id);
    }

    private void deleteQuietly(Path dir) {
        if (!dir.startsWith(podsDir) || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // stale log files of a removed pod are harmless
        }
    }
}
