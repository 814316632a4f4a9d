package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerResources;
import io.flotilla.api.runtime.ContainerSecurity;
import io.flotilla.api.runtime.Mount;
import io.flotilla.api.runtime.PodSandboxConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps a {@link ContainerConfig} onto the create command of an application container that joins its sandbox's
 * network and IPC namespaces ({@code container:<sandbox-id>}): command and arguments with Kubernetes' meaning,
 * environment, mounts (host paths as binds, runtime volumes by name), resource limits and security settings.
 * Stateless and thread-safe.
 */
public final class ContainerSpecs {

    private ContainerSpecs() {
    }

    /**
     * Configures {@code cmd} (created for the config's image) for {@code config} in sandbox {@code sandboxId}.
     *
     * @return {@code cmd}
     * @throws IllegalArgumentException if a capability is unknown
     */
    public static CreateContainerCmd apply(CreateContainerCmd cmd, ContainerConfig config, String sandboxId,
                                           PodSandboxConfig sandboxConfig) {
        String namespace = "container:" + sandboxId;
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(namespace)
                .withIpcMode(namespace)
                .withBinds(binds(config.mounts()));
        applyResources(host, config.resources());
        applySecurity(cmd, host, config.security());
        if (sandboxConfig.cgroupParent() != null) {
            host.withCgroupParent(sandboxConfig.cgroupParent());
        }
        // Kubernetes: command replaces the entrypoint (and drops the image's CMD), args replace CMD.
        if (!config.command().isEmpty()) {
            cmd.withEntrypoint(config.command());
            cmd.withCmd(config.args());
        } else if (!config.args().isEmpty()) {
            cmd.withCmd(config.args());
        }
        if (config.workingDir() != null) {
            cmd.withWorkingDir(config.workingDir());
        }
        List<String> env = new ArrayList<>(config.env().size());
        config.env().forEach((k, v) -> env.add(k + "=" + v));
        return cmd.withEnv(env)
                .withTty(config.tty())
                .withStdinOpen(config.stdin())
                .withStdInOnce(config.stdinOnce())
                .withHostConfig(host)
                .withLabels(Labels.container(config, sandboxId));
    }

    static List<Bind> binds(List<Mount> mounts) {
        List<Bind> binds = new ArrayList<>(mounts.size());
        for (Mount mount : mounts) {
            String source = mount.hostPath() != null ? mount.hostPath() : mount.volumeName();
            binds.add(new Bind(source, new Volume(mount.containerPath()),
                    mount.readOnly() ? AccessMode.ro : AccessMode.rw));
        }
        return binds;
    }

    static void applyResources(HostConfig host, ContainerResources resources) {
        if (resources.memoryLimitBytes() > 0) {
            host.withMemory(resources.memoryLimitBytes());
            host.withMemorySwap(resources.memoryLimitBytes());
        }
        if (resources.cpuShares() > 0) {
            host.withCpuShares((int) Math.min(Integer.MAX_VALUE, resources.cpuShares()));
        }
        if (resources.cpuQuota() > 0) {
            long period = resources.cpuPeriod() > 0 ? resources.cpuPeriod() : ContainerResources.DEFAULT_CPU_PERIOD;
            host.withCpuQuota(resources.cpuQuota());
            host.withCpuPeriod(period);
        }
    }

    static void applySecurity(CreateContainerCmd cmd, HostConfig host, ContainerSecurity security) {
        if (security.runAsUser() != null) {
            cmd.withUser(security.runAsGroup() == null ? Long.toString(security.runAsUser())
                    : security.runAsUser() + ":" + security.runAsGroup());
        } else if (security.runAsGroup() != null) {
            host.withGroupAdd(List.of(Long.toString(security.runAsGroup())));
        }
        if (security.privileged()) {
            host.withPrivileged(true);
        }
        if (security.readOnlyRootFilesystem()) {
            host.withReadonlyRootfs(true);
        }
        if (security.noNewPrivileges()) {
            host.withSecurityOpts(List.of("no-new-privileges"));
        }
        if (!security.capabilitiesAdd().isEmpty()) {
            host.withCapAdd(capabilities(security.capabilitiesAdd()));
        }
        if (!security.capabilitiesDrop().isEmpty()) {
            host.withCapDrop(capabilities(security.capabilitiesDrop()));
        }
    }

    static Capability[] capabilities(List<String> names) {
        Capability[] out = new Capability[names.size()];
        for (int i = 0; i < out.length; i++) {
            String name = names.get(i).toUpperCase(Locale.ROOT);
            name = name.startsWith("CAP_") ? name.substring(4) : name;
            try {
                out[i] = Capability.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown capability " + names.get(i), e);
            }
        }
        return out;
    }
}
