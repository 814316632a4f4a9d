package io.flotilla.api.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.meta.Quantity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value types of the runtime SPI: conversions, filters, and what they never print. */
class RuntimeModelTest {

    @Test
    void resourcesFollowKubeletsConversion() {
        ContainerResources r = ContainerResources.fromKubernetes(Quantity.parse("250m"), Quantity.parse("500m"),
                Quantity.parse("64Mi"));
        assertThat(r.cpuShares()).isEqualTo(256);
        assertThat(r.cpuQuota()).isEqualTo(50_000);
        assertThat(r.cpuPeriod()).isEqualTo(100_000);
        assertThat(r.cpuLimitMillis()).isEqualTo(500);
        assertThat(r.memoryLimitBytes()).isEqualTo(64L << 20);

        ContainerResources none = ContainerResources.fromKubernetes(null, null, null);
        assertThat(none.cpuShares()).isEqualTo(2);
        assertThat(none.cpuQuota()).isZero();
        assertThat(none.memoryLimitBytes()).isZero();
        assertThat(ContainerResources.fromKubernetes(null, Quantity.parse("1"), null).cpuShares()).isEqualTo(1024);
        assertThat(ContainerResources.fromKubernetes(null, Quantity.parse("1m"), null).cpuQuota()).isEqualTo(1000);
    }

    @Test
    void labelsHelpersBuildAndMatchSelectors() {
        Map<String, String> pod = RuntimeLabels.forPod("c1", "default", "web", "u1");
        Map<String, String> container = RuntimeLabels.forContainer(pod, "httpd", 2);
        assertThat(container).containsEntry(RuntimeLabels.CLUSTER, "c1").containsEntry(RuntimeLabels.ATTEMPT, "2")
                .containsEntry(RuntimeLabels.CONTAINER_NAME, "httpd");
        assertThat(RuntimeLabels.matches(RuntimeLabels.cluster("c1"), container)).isTrue();
        assertThat(RuntimeLabels.matches(RuntimeLabels.cluster("c2"), container)).isFalse();
        assertThat(RuntimeLabels.matches(Map.of(), Map.of())).isTrue();
    }

    @Test
    void filtersCombineTheirConditions() {
        PodSandbox sandbox = new PodSandbox("s1", new PodSandboxMetadata("web", "default", "u1", 0),
                SandboxState.READY, Instant.EPOCH, Map.of("a", "1"), Map.of());
        assertThat(PodSandboxFilter.all().matches(sandbox)).isTrue();
        assertThat(PodSandboxFilter.labels(Map.of("a", "1")).withState(SandboxState.READY).matches(sandbox)).isTrue();
        assertThat(PodSandboxFilter.labels(Map.of("a", "1")).withState(SandboxState.NOTREADY).matches(sandbox))
                .isFalse();
        assertThat(PodSandboxFilter.all().withId("s2").matches(sandbox)).isFalse();

        RuntimeContainer container = new RuntimeContainer("c1", "s1", new ContainerMetadata("httpd", 0),
                ImageSpec.of("nginx"), null, ContainerRunState.RUNNING, Instant.EPOCH, Map.of("a", "1"), Map.of());
        assertThat(ContainerFilter.sandbox("s1").withState(ContainerRunState.RUNNING).matches(container)).isTrue();
        assertThat(ContainerFilter.sandbox("s2").matches(container)).isFalse();
        assertThat(ContainerFilter.labels(Map.of("a", "2")).matches(container)).isFalse();
    }

    @Test
    void secretsNeverAppearInToString() {
        assertThat(new RegistryAuth("r.example.com", "me", "hunter2", "tok").toString())
                .doesNotContain("hunter2", "tok").contains("me");
        assertThat(VolumeFile.secret("hunter2".getBytes(StandardCharsets.UTF_8)).toString())
                .doesNotContain("hunter2").contains("400");
        assertThat(ContainerConfig.builder("c", "img").env("PASSWORD", "hunter2").build().toString())
                .doesNotContain("hunter2").contains("PASSWORD");
        assertThat(ExecResult.of(0, "hunter2", "").toString()).doesNotContain("hunter2");
    }

    @Test
    void volumeFilesCopyTheirBytes() {
        byte[] bytes = {1, 2, 3};
        VolumeFile file = VolumeFile.of(bytes, 0600);
        bytes[0] = 9;
        assertThat(file.content()).containsExactly(1, 2, 3);
        assertThat(file).isEqualTo(VolumeFile.of(new byte[] {1, 2, 3}, 0600)).isNotEqualTo(VolumeFile.of(
                new byte[] {1, 2, 3}, 0644));
        assertThatThrownBy(() -> VolumeFile.of(bytes, 01000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statsRatesAndProbeVerdicts() {
        ContainerStats a = new ContainerStats("c", Instant.EPOCH, 0, 10);
        ContainerStats b = new ContainerStats("c", Instant.EPOCH.plusSeconds(2), 1_000_000_000L, 10);
        assertThat(b.nanoCoresSince(a)).isEqualTo(500_000_000L);
        assertThat(a.nanoCoresSince(b)).isZero();

        assertThat(new NetworkProbeResult(true, 399, "").success()).isTrue();
        assertThat(new NetworkProbeResult(true, 400, "").success()).isFalse();
        assertThat(new NetworkProbeResult(true, 0, "").success()).isTrue();
        assertThat(new NetworkProbeResult(false, 0, "refused").success()).isFalse();
    }

    @Test
    void configsRejectWhatNoRuntimeCouldRun() {
        assertThatThrownBy(() -> new Mount("/data", "/host", "vol", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mount.volume("v", "relative", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageSpec.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortMapping.tcp(0, 80)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuntimeEvent(RuntimeEvent.Type.CONTAINER_STARTED, "s", null, Instant.EPOCH, 0,
                Map.of())).isInstanceOf(NullPointerException.class);
        PodSandboxConfig config = PodSandboxConfig.builder("ns", "p", "u").attempt(1)
                .portMapping(PortMapping.tcp(80, 30080)).dnsConfig(new DnsConfig(List.of("10.0.0.10"), null, null))
                .build();
        assertThat(config.metadata().attempt()).isEqualTo(1);
        assertThat(config.metadata().podKey()).isEqualTo("ns/p");
        assertThat(config.dnsConfig().searches()).isEmpty();
    }

    @Test
    void exceptionsNameTheObjectAndTheEndpoint() {
        var notFound = new ContainerRuntimeException.NotFound("unix:///run/docker.sock",
                ContainerRuntimeException.ObjectKind.SANDBOX, "abc");
        assertThat(notFound.getMessage()).isEqualTo("pod sandbox abc not found (runtime unix:///run/docker.sock)");
        assertThat(notFound.endpoint()).isEqualTo("unix:///run/docker.sock");
        assertThat(RuntimeContainerStatus.exitReason(0, false)).isEqualTo("Completed");
        assertThat(RuntimeContainerStatus.exitReason(137, true)).isEqualTo("OOMKilled");
    }
}
