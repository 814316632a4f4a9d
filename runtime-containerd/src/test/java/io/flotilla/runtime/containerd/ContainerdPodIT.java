package io.flotilla.runtime.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerResources;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.flotilla.api.runtime.DnsConfig;
import io.flotilla.api.runtime.ImageSpec;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.PortMapping;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;
import io.flotilla.testkit.TestImages;
import io.flotilla.testkit.contract.ContractWorkload;
import io.flotilla.testkit.contract.TestTime;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the contract suite does not cover: published ports, DNS, hostname, env, limits, IPv6 off on an IPv4-only
 * network, and bad input.
 */
@RequiresRuntime("containerd")
class ContainerdPodIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static ContainerdRuntime runtime;
    private final String cluster = "pod-it-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void connect() {
        runtime = ContainerdTestSupport.runtime();
    }

    @AfterAll
    static void disconnect() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @AfterEach
    void removeEverything() {
        runtime.listPodSandboxes(PodSandboxFilter.labels(RuntimeLabels.cluster(cluster)))
                .forEach(s -> runtime.removePodSandbox(s.id()));
    }

    private PodSandboxConfig.Builder pod(String name) {
        return PodSandboxConfig.builder("it", name, cluster + "-" + name)
                .labels(RuntimeLabels.forPod(cluster, "it", name, cluster + "-" + name));
    }

    private String awaitRunning(String containerId) {
        TestTime.real().await(containerId + " running", TIMEOUT,
                () -> runtime.containerStatus(containerId).state() == ContainerRunState.RUNNING);
        return containerId;
    }

    private String exec(String containerId, String script) {
        return runtime.execSync(containerId, List.of("sh", "-c", script), TIMEOUT).stdout().trim();
    }

    @Test
    void publishesPortsAndSetsHostnameDnsEnvAndLimits() throws Exception {
        int port = freePort();
        PodSandboxConfig config = pod("web").hostname("web-host")
                .dnsConfig(new DnsConfig(List.of("10.96.0.10"), List.of("it.svc.cluster.local"), List.of("ndots:5")))
                .portMapping(new PortMapping(PortMapping.Protocol.TCP, ContractWorkload.HTTP_PORT, port, "127.0.0.1"))
                .build();
        String sandbox = runtime.runPodSandbox(config);
        String server = runtime.createContainer(sandbox, ContainerConfig.builder("server", TestImages.BUSYBOX)
                .command(ContractWorkload.SERVER.command()).env("GREETING", "hello").env("TARGET", "world")
                .resources(new ContainerResources(256, 50_000, 100_000, 64L << 20))
                .labels(RuntimeLabels.forContainer(config.labels(), "server", 0)).build(), config);
        runtime.startContainer(server);
        awaitRunning(server);

        assertThat(httpGet("http://127.0.0.1:" + port + "/")).isEqualTo(ContractWorkload.SERVED_BODY + "\n");
        assertThat(exec(server, "hostname")).isEqualTo("web-host");
        assertThat(exec(server, "cat /etc/resolv.conf")).contains("nameserver 10.96.0.10")
                .contains("search it.svc.cluster.local").contains("options ndots:5");
        assertThat(exec(server, "echo $GREETING $TARGET")).isEqualTo("hello world");
        assertThat(exec(server, "cat /sys/fs/cgroup/memory.max 2>/dev/null"
                + " || cat /sys/fs/cgroup/memory/memory.limit_in_bytes")).isEqualTo(Long.toString(64L << 20));
        assertThat(runtime.podSandboxStatus(sandbox).ip()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    }

    // regression: with IPv6 on, glibc sorts a Service's A records by prefix (RFC 6724 rule 9), so a client pod
    // always reached the backend nearest its own IP and DNS round robin did nothing
    @Test
    void ipv6IsOffInPodsOnTheIpv4OnlyNetworkUnlessThePodSetsIt() {
        assertThat(disableIpv6In(pod("v4").build())).isEqualTo("1");
        assertThat(disableIpv6In(pod("v6").sysctl("net.ipv6.conf.all.disable_ipv6", "0").build())).isEqualTo("0");
    }

    private String disableIpv6In(PodSandboxConfig config) {
        String sandbox = runtime.runPodSandbox(config);
        String app = runtime.createContainer(sandbox, ContainerConfig.builder("app", TestImages.BUSYBOX)
                .command(ContractWorkload.SLEEPER.command())
                .labels(RuntimeLabels.forContainer(config.labels(), "app", 0)).build(), config);
        runtime.startContainer(app);
        return exec(awaitRunning(app), "cat /proc/sys/net/ipv6/conf/all/disable_ipv6");
    }

    @Test
    void missingImagesSayHowToImportThemFromDocker() {
        String image = "flotilla-test/not-imported:1";
        PodSandboxConfig config = pod("noimage").build();
        String sandbox = runtime.runPodSandbox(config);

        ContainerRuntimeException.NotFound notFound = (ContainerRuntimeException.NotFound) catchThrown(
                () -> runtime.createContainer(sandbox, ContainerConfig.builder("c", image)
                        .labels(config.labels()).build(), config));
        assertThat(notFound.kind()).isEqualTo(ObjectKind.IMAGE);
        String socket = Runtimes.containerdSocket().orElseThrow().substring("unix://".length());
        String importCommand = "docker save " + image + " | ctr -a " + socket + " -n k8s.io images import -";
        assertThat(Arrays.stream(notFound.getSuppressed()).map(Throwable::getMessage))
                .anySatisfy(m -> assertThat(m).contains(importCommand));

        assertThatThrownBy(() -> runtime.pullImage(ImageSpec.of(image), null))
                .isInstanceOf(ContainerRuntimeException.ImagePullFailed.class)
                .hasMessageContaining(importCommand).hasMessageContaining(runtime.endpoint());
    }

    @Test
    void aMissingSocketSaysHowToStartContainerd() {
        try (ContainerdRuntime missing = ContainerdRuntime.connect("/tmp/flotilla-no-such-dir/containerd.sock")) {
            assertThatThrownBy(missing::version).isInstanceOf(ContainerRuntimeException.Unavailable.class)
                    .hasMessageContaining("unix:///tmp/flotilla-no-such-dir/containerd.sock")
                    .hasMessageContaining("ensure_containerd");
        }
    }

    @Test
    @RequiresRuntime({"containerd", "docker"})
    void dockersSocketIsNotTakenForContainerd() {
        try (ContainerdRuntime docker = ContainerdRuntime.connect("/var/run/docker.sock")) {
            assertThatThrownBy(docker::version).isInstanceOf(ContainerRuntimeException.class)
                    .hasMessageContaining("unix:///var/run/docker.sock")
                    .hasMessageContaining("containerd's socket");
        }
    }

    private static Throwable catchThrown(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected an exception");
    }

    private static String httpGet(String url) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        AtomicReference<String> body = new AtomicReference<>();
        TestTime.real().await("GET " + url, TIMEOUT, () -> {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                body.set(response.body());
                return response.statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        });
        return body.get();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
