package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ports;
import io.flotilla.api.runtime.DnsConfig;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PortMapping;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a {@link PodSandboxConfig} onto the create command of its sandbox ("pause") container: the pod's network
 * (the cluster network, or the host's), hostname, DNS, published ports, sysctls, a shareable IPC namespace and the
 * labels. Ports listed in the {@link #EPHEMERAL_PORTS_ANNOTATION} annotation are published on ephemeral host ports.
 * The pause process ignores SIGTERM and prints nothing, so the sandbox stops with SIGKILL at once (a daemon
 * shutdown or {@code docker stop} would otherwise wait 10 s per pod) and has no log driver (one file and one log
 * copier less per pod start). Stateless and thread-safe.
 */
public final class SandboxSpecs {
    /**
     * A sandbox annotation listing container ports to publish on ephemeral ports of the default host address, such
     * as {@code 8080/tcp,53/udp}; see {@code DockerRuntime#publishedPorts}.
     */
    public static final String EPHEMERAL_PORTS_ANNOTATION = "docker.flotilla.io/ephemeral-ports";

    private SandboxSpecs() {
    }

    /**
     * Configures {@code cmd} for {@code config}.
     *
     * @param network       the Docker network, or {@code null} for a host-network sandbox
     * @param defaultHostIp the host address of mappings that name none
     * @return {@code cmd}
     * @throws IllegalArgumentException if the ephemeral-ports annotation cannot be parsed
     */
    public static CreateContainerCmd apply(CreateContainerCmd cmd, PodSandboxConfig config, String network,
                                           String defaultHostIp) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(network == null ? "host" : network)
                .withIpcMode("shareable")
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE));
        cmd.withStopSignal("SIGKILL").withStopTimeout(0);
        if (network != null) {
            applyNetwork(cmd, host, config, defaultHostIp);
        }
        if (!config.sysctls().isEmpty()) {
            host.withSysctls(config.sysctls());
        }
        if (config.cgroupParent() != null) {
            host.withCgroupParent(config.cgroupParent());
        }
        return cmd.withHostConfig(host).withLabels(Labels.sandbox(config, network));
    }

    /**
     * Configures what the holder of a pod's own network namespace gets from {@code config}: published ports
     * (ephemeral ones included), hostname and DNS; shared by sandboxes and single containers that hold their pod's
     * network themselves.
     *
     * @throws IllegalArgumentException if the ephemeral-ports annotation cannot be parsed
     */
    static void applyNetwork(CreateContainerCmd cmd, HostConfig host, PodSandboxConfig config,
                             String defaultHostIp) {
        Ports ports = new Ports();
        Set<ExposedPort> exposed = new LinkedHashSet<>();
        for (PortMapping mapping : config.portMappings()) {
            ExposedPort port = exposedPort(mapping.protocol(), mapping.containerPort());
            exposed.add(port);
            String ip = mapping.hostIp() == null ? defaultHostIp : mapping.hostIp();
            ports.bind(port, Ports.Binding.bindIpAndPort(ip, mapping.hostPort()));
        }
        for (ExposedPort port : ephemeralPorts(config.annotations().get(EPHEMERAL_PORTS_ANNOTATION))) {
            exposed.add(port);
            ports.bind(port, Ports.Binding.bindIp(defaultHostIp));
        }
        host.withPortBindings(ports);
        cmd.withExposedPorts(new ArrayList<>(exposed));
        if (config.hostname() != null) {
            cmd.withHostName(config.hostname());
        }
        applyDns(host, config.dnsConfig());
    }

    private static void applyDns(HostConfig host, DnsConfig dns) {
        if (dns == null) {
            return;
        }
        if (!dns.servers().isEmpty()) {
            host.withDns(dns.servers());
        }
        if (!dns.searches().isEmpty()) {
            host.withDnsSearch(dns.searches());
        }
        if (!dns.options().isEmpty()) {
            host.withDnsOptions(dns.options());
        }
    }

    /** The Docker port of {@code containerPort} over {@code protocol}. */
    static ExposedPort exposedPort(PortMapping.Protocol protocol, int containerPort) {
        return new ExposedPort(containerPort, switch (protocol) {
            case TCP -> InternetProtocol.TCP;
            case UDP -> InternetProtocol.UDP;
            case SCTP -> InternetProtocol.SCTP;
        });
    }

    /** Parses the ephemeral-ports annotation ({@code 8080/tcp,53/udp}; the protocol defaults to TCP). */
    static List<ExposedPort> ephemeralPorts(String annotation) {
        List<ExposedPort> ports = new ArrayList<>();
        if (annotation == null || annotation.isBlank()) {
            return ports;
        }
        for (String item : annotation.split(",")) {
            String spec = item.trim();
            if (spec.isEmpty()) {
                continue;
            }
            String[] parts = spec.split("/", 2);
            try {
                int port = Integer.parseInt(parts[0].trim());
                PortMapping.Protocol protocol = parts.length == 1 ? PortMapping.Protocol.TCP
                        : PortMapping.Protocol.valueOf(parts[1].trim().toUpperCase(Locale.ROOT));
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("port out of range");
                }
                ports.add(exposedPort(protocol, port));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("annotation " + EPHEMERAL_PORTS_ANNOTATION + ": cannot read '"
                        + spec + "' (expected port/protocol such as 8080/tcp)", e);
            }
        }
        return ports;
    }
}
