package io.flotilla.runtime.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerResources;
import io.flotilla.api.runtime.ContainerSecurity;
import io.flotilla.api.runtime.DnsConfig;
import io.flotilla.api.runtime.Mount;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PortMapping;
import io.flotilla.api.runtime.RuntimeLabels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecsTest {
    private static final PodSandboxConfig POD = PodSandboxConfig.builder("ns", "web", "uid-1")
            .labels(RuntimeLabels.forPod("c1", "ns", "web", "uid-1")).hostname("web")
            .annotation("note", "kept").build();

    private static CreateContainerCmd cmd(String image) {
        return new CreateContainerCmdImpl(command -> {
            throw new AssertionError("a mapping test must not execute");
        }, null, image);
    }

    @Test
    void containersJoinTheSandboxAndKeepKubernetesCommandSemantics() {
        ContainerConfig config = ContainerConfig.builder("app", "busybox").command("sh", "-c").args("echo hi")
                .env("A", "1").env("B", "2").workingDir("/w")
                .mount(Mount.volume("vol", "/data", true)).mount(Mount.hostPath("/tmp/x", "/x", false))
                .labels(RuntimeLabels.forContainer(POD.labels(), "app", 0)).annotation("a", "b").attempt(3).build();
        CreateContainerCmd cmd = ContainerSpecs.apply(cmd("busybox"), config, "sbx", POD);

        assertThat(cmd.getHostConfig().getNetworkMode()).isEqualTo("container:sbx");
        assertThat(cmd.getHostConfig().getIpcMode()).isEqualTo("container:sbx");
        assertThat(cmd.getEntrypoint()).containsExactly("sh", "-c");
        assertThat(cmd.getCmd()).containsExactly("echo hi");
        assertThat(cmd.getEnv()).containsExactly("A=1", "B=2");
        assertThat(cmd.getWorkingDir()).isEqualTo("/w");
        assertThat(cmd.getHostConfig().getBinds()).satisfiesExactly(
                b -> {
                    assertThat(b.getPath()).isEqualTo("vol");
                    assertThat(b.getAccessMode()).isEqualTo(AccessMode.ro);
                },
                b -> assertThat(b.getVolume().getPath()).isEqualTo("/x"));
        assertThat(cmd.getLabels()).containsEntry(RuntimeLabels.KIND, RuntimeLabels.KIND_CONTAINER)
                .containsEntry(RuntimeLabels.SANDBOX_ID, "sbx").containsEntry(Labels.ATTEMPT, "3")
                .containsEntry(Labels.ANNOTATION_PREFIX + "a", "b").containsEntry(RuntimeLabels.CLUSTER, "c1");
        assertThat(cmd.getHostName()).isNull();
    }

    @Test
    void argsAloneKeepTheImageEntrypoint() {
        ContainerConfig config = ContainerConfig.builder("app", "busybox").args("x").build();
        CreateContainerCmd cmd = ContainerSpecs.apply(cmd("busybox"), config, "sbx", POD);
        assertThat(cmd.getEntrypoint()).isNull();
        assertThat(cmd.getCmd()).containsExactly("x");
    }

    @Test
    void mapsResourcesAndSecurity() {
        ContainerConfig config = ContainerConfig.builder("app", "busybox")
                .resources(new ContainerResources(512, 50_000, 0, 64L << 20))
                .security(new ContainerSecurity(1000L, 2000L, false, true, true, List.of("NET_ADMIN"),
                        List.of("CAP_ALL")))
                .build();
        CreateContainerCmd cmd = ContainerSpecs.apply(cmd("busybox"), config, "sbx", POD);
        assertThat(cmd.getHostConfig().getMemory()).isEqualTo(64L << 20);
        assertThat(cmd.getHostConfig().getMemorySwap()).isEqualTo(64L << 20);
        assertThat(cmd.getHostConfig().getCpuQuota()).isEqualTo(50_000L);
        assertThat(cmd.getHostConfig().getCpuPeriod()).isEqualTo(100_000L);
        assertThat(cmd.getHostConfig().getCpuShares()).isEqualTo(512);
        assertThat(cmd.getUser()).isEqualTo("1000:2000");
        assertThat(cmd.getHostConfig().getReadonlyRootfs()).isTrue();
        assertThat(cmd.getHostConfig().getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(cmd.getHostConfig().getCapAdd()).containsExactly(Capability.NET_ADMIN);
        assertThat(cmd.getHostConfig().getCapDrop()).containsExactly(Capability.ALL);
        assertThatThrownBy(() -> ContainerSpecs.capabilities(List.of("FLY"))).hasMessageContaining("FLY");
    }

    @Test
    void sandboxesPublishPortsAndCarryHostnameDnsAndLabels() {
        PodSandboxConfig pod = PodSandboxConfig.builder("ns", "web", "uid-1").hostname("web-0")
                .labels(RuntimeLabels.forPod("c1", "ns", "web", "uid-1"))
                .portMapping(PortMapping.tcp(80, 30080))
                .portMapping(new PortMapping(PortMapping.Protocol.UDP, 53, 30053, "10.0.0.1"))
                .annotation(SandboxSpecs.EPHEMERAL_PORTS_ANNOTATION, "8080/tcp, 9090")
                .dnsConfig(new DnsConfig(List.of("10.96.0.10"), List.of("ns.svc.cluster.local"), List.of("ndots:5")))
                .build();
        CreateContainerCmd cmd = SandboxSpecs.apply(cmd("pause"), pod, "flotilla-c1", "127.0.0.1");

        assertThat(cmd.getHostConfig().getNetworkMode()).isEqualTo("flotilla-c1");
        assertThat(cmd.getHostName()).isEqualTo("web-0");
        Map<ExposedPort, Ports.Binding[]> bindings = cmd.getHostConfig().getPortBindings().getBindings();
        assertThat(bindings.get(ExposedPort.tcp(80))).containsExactly(Ports.Binding.bindIpAndPort("127.0.0.1", 30080));
        assertThat(bindings.get(ExposedPort.udp(53))).containsExactly(Ports.Binding.bindIpAndPort("10.0.0.1", 30053));
        assertThat(bindings.get(ExposedPort.tcp(8080))).containsExactly(Ports.Binding.bindIp("127.0.0.1"));
        assertThat(bindings).containsKey(ExposedPort.tcp(9090));
        assertThat(cmd.getHostConfig().getDns()).containsExactly("10.96.0.10");
        assertThat(cmd.getHostConfig().getDnsSearch()).containsExactly("ns.svc.cluster.local");
        assertThat(cmd.getHostConfig().getDnsOptions()).containsExactly("ndots:5");
        assertThat(cmd.getLabels()).containsEntry(RuntimeLabels.KIND, RuntimeLabels.KIND_SANDBOX)
                .containsEntry(Labels.NETWORK, "flotilla-c1").containsEntry(Labels.POD_UID, "uid-1");
    }

    @Test
    void sandboxesStopWithSigkillAtOnceAndKeepNoLogs() {
        CreateContainerCmd cmd = SandboxSpecs.apply(cmd("pause"), POD, "flotilla-c1", "127.0.0.1");
        assertThat(cmd.getStopSignal()).as("the pause process ignores SIGTERM").isEqualTo("SIGKILL");
        assertThat(cmd.getStopTimeout()).isZero();
        assertThat(cmd.getHostConfig().getLogConfig().getType()).isEqualTo(LogConfig.LoggingType.NONE);
    }

    @Test
    void hostNetworkSandboxesPublishNothing() {
        PodSandboxConfig pod = PodSandboxConfig.builder("ns", "web", "uid-1").hostNetwork(true).hostname("h")
                .portMapping(PortMapping.tcp(80, 80)).build();
        CreateContainerCmd cmd = SandboxSpecs.apply(cmd("pause"), pod, null, "127.0.0.1");
        assertThat(cmd.getHostConfig().getNetworkMode()).isEqualTo("host");
        assertThat(cmd.getHostConfig().getPortBindings()).isNull();
        assertThat(cmd.getHostName()).isNull();
        assertThat(cmd.getLabels()).containsEntry(Labels.HOST_NETWORK, "true");
    }

    @Test
    void rejectsAnUnreadableEphemeralPortsAnnotation() {
        assertThatThrownBy(() -> SandboxSpecs.ephemeralPorts("http"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'http'");
        assertThatThrownBy(() -> SandboxSpecs.ephemeralPorts("70000/tcp")).isInstanceOf(IllegalArgumentException.class);
    }
}
