package io.flotilla.runtime.containerd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerResources;
import io.flotilla.api.runtime.ContainerSecurity;
import io.flotilla.api.runtime.DnsConfig;
import io.flotilla.api.runtime.Mount;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PortMapping;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.runtime.containerd.cri.Cri;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CriMappingTest {
    private static final Path PODS = Path.of("/state/pods");

    @Test
    void sandboxesGetMetadataHostnameLogDirectoryPortsDnsAndNamespaces() {
        PodSandboxConfig config = PodSandboxConfig.builder("shop", "web-0", "uid-1").attempt(2)
                .dnsConfig(new DnsConfig(List.of("10.0.0.10"), List.of("shop.svc.cluster.local"), List.of("ndots:5")))
                .portMapping(new PortMapping(PortMapping.Protocol.UDP, 53, 30053, "127.0.0.1"))
                .label(RuntimeLabels.CLUSTER, "c1").annotation("a", "b").build();

        Cri.PodSandboxConfig cri = CriMapping.sandboxConfig(config,
                CriMapping.podLogDirectory(PODS, config.metadata()));

        assertThat(cri.getMetadata().getName()).isEqualTo("web-0");
        assertThat(cri.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(cri.getMetadata().getUid()).isEqualTo("uid-1");
        assertThat(cri.getMetadata().getAttempt()).isEqualTo(2);
        assertThat(cri.getHostname()).as("defaults to the pod name").isEqualTo("web-0");
        assertThat(cri.getLogDirectory()).isEqualTo("/state/pods/shop_web-0_uid-1");
        assertThat(cri.getPortMappings(0).getProtocol()).isEqualTo(Cri.Protocol.UDP);
        assertThat(cri.getPortMappings(0).getHostPort()).isEqualTo(30053);
        assertThat(cri.getPortMappings(0).getHostIp()).isEqualTo("127.0.0.1");
        assertThat(cri.getDnsConfig().getOptionsList()).containsExactly("ndots:5");
        assertThat(cri.getLabelsMap()).containsEntry(RuntimeLabels.CLUSTER, "c1");
        assertThat(cri.getAnnotationsMap()).containsEntry("a", "b");
        Cri.NamespaceOption ns = cri.getLinux().getSecurityContext().getNamespaceOptions();
        assertThat(ns.getNetwork()).isEqualTo(Cri.NamespaceMode.POD);
        assertThat(ns.getPid()).isEqualTo(Cri.NamespaceMode.CONTAINER);
    }

    @Test
    void aGivenLogDirectoryAndHostNetworkAreKept() {
        PodSandboxConfig config = new PodSandboxConfig(
                PodSandboxConfig.builder("ns", "p", "u").build().metadata(), "host-a", null, List.of(), Map.of(),
                Map.of(), "/var/log/pods/x", true, "/kubepods", Map.of("net.ipv4.ip_forward", "1"), false);

        Cri.PodSandboxConfig cri = CriMapping.sandboxConfig(config, PODS.resolve("unused"));

        assertThat(cri.getLogDirectory()).isEqualTo("/var/log/pods/x");
        assertThat(cri.getHostname()).isEqualTo("host-a");
        assertThat(cri.hasDnsConfig()).isFalse();
        assertThat(cri.getLinux().getSecurityContext().getNamespaceOptions().getNetwork())
                .isEqualTo(Cri.NamespaceMode.NODE);
        assertThat(cri.getLinux().getCgroupParent()).isEqualTo("/kubepods");
        assertThat(cri.getLinux().getSysctlsMap()).containsEntry("net.ipv4.ip_forward", "1");
    }

    @Test
    void containersGetCommandEnvMountsLogPathResourcesAndSecurity() {
        ContainerConfig config = ContainerConfig.builder("app", "nginx:1.27").attempt(3)
                .command(List.of("sh", "-c")).args(List.of("echo hi"))
                .env("B", "2").env("A", "1")
                .mount(Mount.volume("data-vol", "/data", true))
                .mount(Mount.hostPath("/etc/hosts", "/etc/hosts", false))
                .resources(new ContainerResources(512, 50_000, 0, 64L << 20))
                .security(new ContainerSecurity(1000L, 2000L, false, true, true, List.of("NET_ADMIN"),
                        List.of("ALL")))
                .label("k", "v").build();

        Cri.ContainerConfig cri = CriMapping.containerConfig(config, name -> Path.of("/state/volumes", name, "data"),
                Map.of(RuntimeLabels.SANDBOX_ID, "sb-1"));

        assertThat(cri.getMetadata().getName()).isEqualTo("app");
        assertThat(cri.getMetadata().getAttempt()).isEqualTo(3);
        assertThat(cri.getImage().getImage()).isEqualTo("nginx:1.27");
        assertThat(cri.getCommandList()).containsExactly("sh", "-c");
        assertThat(cri.getArgsList()).containsExactly("echo hi");
        assertThat(cri.getEnvsList()).extracting(Cri.KeyValue::getKey).containsExactly("B", "A");
        assertThat(cri.getMounts(0).getHostPath()).isEqualTo("/state/volumes/data-vol/data");
        assertThat(cri.getMounts(0).getReadonly()).isTrue();
        assertThat(cri.getMounts(1).getHostPath()).isEqualTo("/etc/hosts");
        assertThat(cri.getLogPath()).isEqualTo("app/3.log");
        assertThat(cri.getLabelsMap()).containsEntry("k", "v").containsEntry(RuntimeLabels.SANDBOX_ID, "sb-1");
        Cri.LinuxContainerResources resources = cri.getLinux().getResources();
        assertThat(resources.getCpuShares()).isEqualTo(512);
        assertThat(resources.getCpuQuota()).isEqualTo(50_000);
        assertThat(resources.getCpuPeriod()).as("a quota needs a period").isEqualTo(100_000);
        assertThat(resources.getMemoryLimitInBytes()).isEqualTo(64L << 20);
        Cri.LinuxContainerSecurityContext security = cri.getLinux().getSecurityContext();
        assertThat(security.getRunAsUser().getValue()).isEqualTo(1000);
        assertThat(security.getRunAsGroup().getValue()).isEqualTo(2000);
        assertThat(security.getReadonlyRootfs()).isTrue();
        assertThat(security.getNoNewPrivs()).isTrue();
        assertThat(security.getCapabilities().getAddCapabilitiesList()).containsExactly("NET_ADMIN");
        assertThat(security.getCapabilities().getDropCapabilitiesList()).containsExactly("ALL");
    }

    @Test
    void defaultsLeaveUnsetFieldsUnset() {
        Cri.ContainerConfig cri = CriMapping.containerConfig(ContainerConfig.builder("c", "busybox").build(),
                name -> Path.of("/unused"), Map.of());

        assertThat(cri.getLinux().getResources()).isEqualTo(Cri.LinuxContainerResources.getDefaultInstance());
        assertThat(cri.getLinux().getSecurityContext().hasRunAsUser()).isFalse();
        assertThat(cri.getWorkingDir()).isEmpty();
        assertThat(cri.getLogPath()).isEqualTo("c/0.log");
    }

    @Test
    void convertsNanosecondTimes() {
        assertThat(CriMapping.instant(0)).isNull();
        assertThat(CriMapping.requiredInstant(0)).isEqualTo(Instant.EPOCH);
        assertThat(CriMapping.instant(1_700_000_000_123_456_789L))
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
    }
}
