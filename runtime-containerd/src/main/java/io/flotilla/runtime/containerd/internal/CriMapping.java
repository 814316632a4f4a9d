package io.flotilla.runtime.containerd.internal;

import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerMetadata;
import io.flotilla.api.runtime.ContainerResources;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ContainerSecurity;
import io.flotilla.api.runtime.ContainerStats;
import io.flotilla.api.runtime.DnsConfig;
import io.flotilla.api.runtime.Image;
import io.flotilla.api.runtime.Mount;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PodSandboxMetadata;
import io.flotilla.api.runtime.PortMapping;
import io.flotilla.api.runtime.SandboxState;
import io.flotilla.runtime.containerd.cri.Cri;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps the runtime SPI's configurations onto CRI messages and the CRI's answers back onto the SPI's records. Pure
 * functions; stateless and thread-safe.
 */
public final class CriMapping {
    private static final long NANOS = 1_000_000_000L;

    private CriMapping() {
    }

    /** The CRI form of {@code config}, logging under {@code defaultLogDirectory} unless it names a directory. */
    public static Cri.PodSandboxConfig sandboxConfig(PodSandboxConfig config, Path defaultLogDirectory) {
        PodSandboxMetadata meta = config.metadata();
        Cri.PodSandboxConfig.Builder out = Cri.PodSandboxConfig.newBuilder()
                .setMetadata(Cri.PodSandboxMetadata.newBuilder().setName(meta.name()).setNamespace(meta.namespace())
                        .setUid(meta.uid()).setAttempt(meta.attempt()))
                .setHostname(config.hostname() != null ? config.hostname() : config.hostNetwork() ? "" : meta.name())
                .setLogDirectory(config.logDirectory() != null ? config.logDirectory()
                        : defaultLogDirectory.toString())
                .putAllLabels(config.labels())
                .putAllAnnotations(config.annotations());
        if (config.dnsConfig() != null) {
            out.setDnsConfig(dns(config.dnsConfig()));
        }
        config.portMappings().forEach(p -> out.addPortMappings(portMapping(p)));
        Cri.LinuxPodSandboxConfig.Builder linux = Cri.LinuxPodSandboxConfig.newBuilder()
                .putAllSysctls(config.sysctls())
                .setSecurityContext(Cri.LinuxSandboxSecurityContext.newBuilder().setNamespaceOptions(
                        namespaces(config.hostNetwork())));
        if (config.cgroupParent() != null) {
            linux.setCgroupParent(config.cgroupParent());
        }
        return out.setLinux(linux).build();
    }

    /** The default log directory of a pod, kubelet's {@code <namespace>_<name>_<uid>}, under {@code podsDir}. */
    public static Path podLogDirectory(Path podsDir, PodSandboxMetadata metadata) {
        return podsDir.resolve(metadata.namespace() + "_" + metadata.name() + "_" + metadata.uid());
    }

    /** The CRI form of {@code dns}. */
    static Cri.DNSConfig dns(DnsConfig dns) {
        return Cri.DNSConfig.newBuilder().addAllServers(dns.servers()).addAllSearches(dns.searches())
                .addAllOptions(dns.options()).build();
    }

    /** The CRI form of {@code mapping}. */
    static Cri.PortMapping portMapping(PortMapping mapping) {
        Cri.PortMapping.Builder out = Cri.PortMapping.newBuilder()
                .setProtocol(switch (mapping.protocol()) {
                    case TCP -> Cri.Protocol.TCP;
                    case UDP -> Cri.Protocol.UDP;
                    case SCTP -> Cri.Protocol.SCTP;
                })
                .setContainerPort(mapping.containerPort())
                .setHostPort(mapping.hostPort());
        if (mapping.hostIp() != null) {
            out.setHostIp(mapping.hostIp());
        }
        return out.build();
    }

    private static Cri.NamespaceOption namespaces(boolean hostNetwork) {
        // like kubelet: the pod shares network and IPC, each container has its own PID namespace
        return Cri.NamespaceOption.newBuilder()
                .setNetwork(hostNetwork ? Cri.NamespaceMode.NODE : Cri.NamespaceMode.POD)
                .setPid(Cri.NamespaceMode.CONTAINER)
                .setIpc(Cri.NamespaceMode.POD).build();
    }

    /**
     * The CRI form of {@code config}.
     *
     * @param volumeDirectory the host directory behind a runtime volume name
     * @param extraLabels     labels the runtime adds (such as the sandbox id)
     */
    public static Cri.ContainerConfig containerConfig(ContainerConfig config, Function<String, Path> volumeDirectory,
                                                      Map<String, String> extraLabels) {
        ContainerMetadata meta = config.metadata();
        Cri.ContainerConfig.Builder out = Cri.ContainerConfig.newBuilder()
                .setMetadata(Cri.ContainerMetadata.newBuilder().setName(meta.name()).setAttempt(meta.attempt()))
                .setImage(Cri.ImageSpec.newBuilder().setImage(config.image().image()))
                .addAllCommand(config.command())
                .addAllArgs(config.args())
                .putAllLabels(config.labels())
                .putAllLabels(extraLabels)
                .putAllAnnotations(config.annotations())
                .setLogPath(config.logPath() != null ? config.logPath() : meta.name() + "/" + meta.attempt() + ".log")
                .setStdin(config.stdin())
                .setStdinOnce(config.stdinOnce())
                .setTty(config.tty());
        if (config.workingDir() != null) {
            out.setWorkingDir(config.workingDir());
        }
        config.env().forEach((k, v) -> out.addEnvs(Cri.KeyValue.newBuilder().setKey(k).setValue(v)));
        for (Mount mount : config.mounts()) {
            String host = mount.hostPath() != null ? mount.hostPath()
                    : volumeDirectory.apply(mount.volumeName()).toString();
            out.addMounts(Cri.Mount.newBuilder().setContainerPath(mount.containerPath()).setHostPath(host)
                    .setReadonly(mount.readOnly()));
        }
        return out.setLinux(Cri.LinuxContainerConfig.newBuilder()
                .setResources(resources(config.resources()))
                .setSecurityContext(security(config.security()))).build();
    }

    /** The CRI form of {@code resources}; zeros stay unset. */
    static Cri.LinuxContainerResources resources(ContainerResources resources) {
        return Cri.LinuxContainerResources.newBuilder()
                .setCpuShares(resources.cpuShares())
                .setCpuQuota(resources.cpuQuota())
                .setCpuPeriod(resources.cpuQuota() == 0 ? resources.cpuPeriod()
                        : resources.cpuPeriod() == 0 ? ContainerResources.DEFAULT_CPU_PERIOD : resources.cpuPeriod())
                .setMemoryLimitInBytes(resources.memoryLimitBytes())
                .build();
    }

    /** The CRI form of {@code security}. */
    static Cri.LinuxContainerSecurityContext security(ContainerSecurity security) {
        Cri.LinuxContainerSecurityContext.Builder out = Cri.LinuxContainerSecurityContext.newBuilder()
                .setPrivileged(security.privileged())
                .setReadonlyRootfs(security.readOnlyRootFilesystem())
                .setNoNewPrivs(security.noNewPrivileges())
                .setNamespaceOptions(namespaces(false))
                .setCapabilities(Cri.Capability.newBuilder().addAllAddCapabilities(security.capabilitiesAdd())
                        .addAllDropCapabilities(security.capabilitiesDrop()));
        if (security.runAsUser() != null) {
            out.setRunAsUser(Cri.Int64Value.newBuilder().setValue(security.runAsUser()));
        }
        if (security.runAsGroup() != null) {
            out.setRunAsGroup(Cri.Int64Value.newBuilder().setValue(security.runAsGroup()));
        }
        return out.build();
    }

    /** A CRI timestamp (nanoseconds since the epoch) as an instant; 0 is {@code null}. */
    public static Instant instant(long nanos) {
        return nanos == 0 ? null : Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }

    /** {@link #instant} for fields the CRI promises to set; 0 becomes the epoch. */
    public static Instant requiredInstant(long nanos) {
        Instant instant = instant(nanos);
        return instant == null ? Instant.EPOCH : instant;
    }

    /** The SPI's form of a CRI container state. */
    public static ContainerRunState state(Cri.ContainerState state) {
        return switch (state) {
            case CONTAINER_CREATED -> ContainerRunState.CREATED;
            case CONTAINER_RUNNING -> ContainerRunState.RUNNING;
            case CONTAINER_EXITED -> ContainerRunState.EXITED;
            default -> ContainerRunState.UNKNOWN;
        };
    }

    /** The CRI form of an SPI container state. */
    public static Cri.ContainerState state(ContainerRunState state) {
        return switch (state) {
            case CREATED -> Cri.ContainerState.CONTAINER_CREATED;
            case RUNNING -> Cri.ContainerState.CONTAINER_RUNNING;
            case EXITED -> Cri.ContainerState.CONTAINER_EXITED;
            case UNKNOWN -> Cri.ContainerState.CONTAINER_UNKNOWN;
        };
    }

    /** The SPI's form of a CRI sandbox state. */
    public static SandboxState state(Cri.PodSandboxState state) {
        return state == Cri.PodSandboxState.SANDBOX_READY ? SandboxState.READY : SandboxState.NOTREADY;
    }

    /** The CRI form of an SPI sandbox state. */
    public static Cri.PodSandboxState state(SandboxState state) {
        return state == SandboxState.READY ? Cri.PodSandboxState.SANDBOX_READY : Cri.PodSandboxState.SANDBOX_NOTREADY;
    }

    /** The SPI's form of CRI sandbox metadata. */
    public static PodSandboxMetadata metadata(Cri.PodSandboxMetadata meta) {
        return new PodSandboxMetadata(meta.getName(), meta.getNamespace(), meta.getUid(), meta.getAttempt());
    }

    /** The SPI's form of CRI container metadata. */
    public static ContainerMetadata metadata(Cri.ContainerMetadata meta) {
        return new ContainerMetadata(meta.getName(), meta.getAttempt());
    }

    /** The SPI's form of a CRI image, with the familiar names added to its tags. */
    public static Image image(Cri.Image image) {
        return new Image(image.getId(), ImageNames.withFamiliar(image.getRepoTagsList()),
                image.getRepoDigestsList(), image.getSize());
    }

    /** The SPI's form of a stats sample; a missing timestamp becomes {@code now}. */
    public static ContainerStats stats(String containerId, Cri.ContainerStats stats, Instant now) {
        Instant time = instant(stats.getCpu().getTimestamp());
        return new ContainerStats(containerId, time == null ? now : time,
                stats.getCpu().getUsageCoreNanoSeconds().getValue(),
                stats.getMemory().getWorkingSetBytes().getValue());
    }

    /** {@code text}, or {@code null} when it is empty. */
    public static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
