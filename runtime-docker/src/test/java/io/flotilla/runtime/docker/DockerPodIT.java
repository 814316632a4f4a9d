package io.flotilla.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.DnsConfig;
import io.flotilla.api.runtime.ImageSpec;
import io.flotilla.api.runtime.PodSandbox;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.PodSandboxStatus;
import io.flotilla.api.runtime.PortMapping;
import io.flotilla.api.runtime.RuntimeEvent;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.SandboxState;
import io.flotilla.api.runtime.Subscription;
import io.flotilla.runtime.docker.internal.SandboxSpecs;
import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Docker-specific pod behaviour: the shared network namespace, published ports, hostname and DNS, events. */
@RequiresRuntime("docker")
class DockerPodIT {
    private static final String SERVER = "mkdir -p /www && echo hello-pod > /www/index.html && exec httpd -f -p 8080 -h /www";
    private static final String FETCH = "wget -q -O - http://127.0.0.1:8080/";
    private static DockerRuntime runtime;
    private DockerTestSupport it;

    @BeforeAll
    static void connect() {
        TestImages.ensureBuilt(TestDocker.client());
        runtime = DockerRuntime.local().sandboxImage(TestImages.PAUSE);
    }

    @AfterAll
    static void disconnect() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @BeforeEach
    void newCluster() {
        it = new DockerTestSupport(runtime);
    }

    @AfterEach
    void removeCluster() {
        runtime.cleanup(it.cluster());
        it.assertNothingLeft(TestDocker.client());
    }

    @Test
    void containersShareLocalhostAndThePodIpSurvivesAContainerRestart() {
        PodSandboxConfig pod = it.pod("shared").build();
        String sandbox = runtime.runPodSandbox(pod);
        String ip = runtime.podSandboxStatus(sandbox).ip();
        String server = it.start(sandbox, pod, it.container(pod, "server", SERVER).build());
        it.await(server, ContainerRunState.RUNNING);
        String fetcher = it.start(sandbox, pod, it.container(pod, "fetcher", "sleep 1; " + FETCH).build());
        assertThat(it.await(fetcher, ContainerRunState.EXITED).exitCode()).isZero();
        assertThat(it.logs(fetcher)).contains("hello-pod");

        runtime.stopContainer(server, Duration.ZERO);
        runtime.removeContainer(server);
        String restarted = it.start(sandbox, pod, it.container(pod, "server", SERVER).attempt(1).build());
        it.await(restarted, ContainerRunState.RUNNING);
        assertThat(runtime.podSandboxStatus(sandbox).ip()).isEqualTo(ip).isNotNull();
        String again = it.start(sandbox, pod, it.container(pod, "fetcher", "sleep 1; " + FETCH).attempt(1).build());
        assertThat(it.await(again, ContainerRunState.EXITED).exitCode()).isZero();

        InspectContainerResponse inspect = runtime.dockerClient().inspectContainerCmd(restarted).exec();
        assertThat(inspect.getHostConfig().getNetworkMode()).isEqualTo("container:" + sandbox);
        InspectContainerResponse sandboxInspect = runtime.dockerClient().inspectContainerCmd(sandbox).exec();
        assertThat(sandboxInspect.getNetworkSettings().getNetworks()).containsOnlyKeys("flotilla-" + it.cluster());
        assertThat(runtime.listNetworks(it.cluster())).containsExactly("flotilla-" + it.cluster());

        runtime.removePodSandbox(sandbox);
        assertThat(runtime.listNetworks(it.cluster())).as("the network goes with its last sandbox").isEmpty();
    }

    @Test
    void aSingleContainerPodHoldsItsNetworkItselfOnAnAddressPinnedForTheSandboxesLife() throws Exception {
        PodSandboxConfig withPort = it.pod("ported").singleContainer(true)
                .portMapping(PortMapping.tcp(8080, freePort())).build();
        String ported = runtime.runPodSandbox(withPort);
        assertThat(runtime.dockerClient().inspectContainerCmd(ported).exec().getConfig().getImage())
                .as("host ports stay with a pause container").isEqualTo(TestImages.PAUSE);
        runtime.removePodSandbox(ported);

        PodSandboxConfig pod = it.pod("single").hostname("single").singleContainer(true).build();
        String sandbox = runtime.beginPodSandbox(pod);
        PodSandboxStatus begun = runtime.podSandboxStatus(sandbox);
        assertThat(begun.state()).isEqualTo(SandboxState.READY);
        String ip = begun.ip();
        assertThat(ip).isNotNull();

        String first = it.start(sandbox, pod, it.container(pod, "server", "exit 3").build());
        assertThat(it.await(first, ContainerRunState.EXITED).exitCode()).isEqualTo(3);
        assertThat(runtime.podSandboxStatus(sandbox)).as("the sandbox outlives its container")
                .extracting(PodSandboxStatus::state, PodSandboxStatus::ip).containsExactly(SandboxState.READY, ip);
        String server = it.start(sandbox, pod, it.container(pod, "server", SERVER).attempt(1).build());
        it.await(server, ContainerRunState.RUNNING);

        InspectContainerResponse inspect = runtime.dockerClient().inspectContainerCmd(server).exec();
        assertThat(inspect.getNetworkSettings().getNetworks()).containsOnlyKeys("flotilla-" + it.cluster());
        assertThat(inspect.getNetworkSettings().getNetworks().get("flotilla-" + it.cluster()).getIpAddress())
                .as("the restarted container has the sandbox's address").isEqualTo(ip);
        assertThat(inspect.getConfig().getHostName()).isEqualTo("single");
        assertThat(fetch(ip, 8080)).as("the host reaches the pod at its address").contains("hello-pod");
        assertThat(TestDocker.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(RuntimeLabels.cluster(it.cluster())).exec())
                .as("no pause container: the two attempts only").hasSize(2);

        DockerRuntime other = DockerRuntime.local().sandboxImage(TestImages.PAUSE);
        try {
            assertThat(other.podSandboxStatus(sandbox)).as("a new runtime adopts it from its containers")
                    .extracting(PodSandboxStatus::state, PodSandboxStatus::ip, PodSandboxStatus::metadata)
                    .containsExactly(SandboxState.READY, ip, pod.metadata());
            assertThat(other.listPodSandboxes(PodSandboxFilter.labels(RuntimeLabels.cluster(it.cluster()))))
                    .extracting(PodSandbox::id).containsExactly(sandbox);
        } finally {
            other.close();
        }

        runtime.stopPodSandbox(sandbox);
        assertThat(runtime.podSandboxStatus(sandbox).state()).isEqualTo(SandboxState.NOTREADY);
        assertThat(runtime.containerStatus(server).state()).isEqualTo(ContainerRunState.EXITED);
        runtime.removePodSandbox(sandbox);
        assertThatThrownBy(() -> runtime.podSandboxStatus(sandbox))
                .isInstanceOf(ContainerRuntimeException.NotFound.class);
        assertThat(runtime.listNetworks(it.cluster())).as("the network goes with its last sandbox").isEmpty();
    }

    @Test
    void publishesHostPortsAndEphemeralPortsOnLoopback() throws Exception {
        int hostPort = freePort();
        PodSandboxConfig pod = it.pod("ports").portMapping(PortMapping.tcp(8080, hostPort))
                .annotation(SandboxSpecs.EPHEMERAL_PORTS_ANNOTATION, "8080/tcp").build();
        String sandbox = runtime.runPodSandbox(pod);
        it.await(it.start(sandbox, pod, it.container(pod, "server", SERVER).build()), ContainerRunState.RUNNING);

        List<DockerRuntime.PublishedPort> ports = runtime.publishedPorts(sandbox);
        assertThat(ports).allSatisfy(p -> assertThat(p.hostIp()).isEqualTo("127.0.0.1"));
        assertThat(ports).extracting(DockerRuntime.PublishedPort::hostPort).contains(hostPort).hasSize(2);
        for (DockerRuntime.PublishedPort port : ports) {
            assertThat(fetch("127.0.0.1", port.hostPort())).contains("hello-pod");
        }
    }

    @Test
    void aBegunSandboxTakesContainersWhileItStartsAndReportsAFailedStartWhereItIsAwaited() throws Exception {
        PodSandboxConfig pod = it.pod("early").build();
        String sandbox = runtime.beginPodSandbox(pod);
        String server = runtime.createContainer(sandbox, it.container(pod, "server", SERVER).build(), pod);
        runtime.startContainer(server);
        assertThat(runtime.podSandboxStatus(sandbox).state()).isEqualTo(SandboxState.READY);
        assertThat(runtime.podSandboxStatus(sandbox).ip()).isNotBlank();
        it.await(server, ContainerRunState.RUNNING);

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PodSandboxConfig clash = it.pod("clash").portMapping(PortMapping.tcp(8080, taken.getLocalPort()))
                    .build();
            String failing = runtime.beginPodSandbox(clash);
            String app = runtime.createContainer(failing, it.container(clash, "app", SERVER).build(), clash);
            assertThatThrownBy(() -> runtime.startContainer(app))
                    .isInstanceOf(ContainerRuntimeException.InvalidState.class)
                    .hasMessageContaining("its pod sandbox failed to start");
            assertThatThrownBy(() -> runtime.podSandboxStatus(failing))
                    .isInstanceOf(ContainerRuntimeException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
            runtime.removePodSandbox(failing);
        }
    }

    @Test
    void appliesHostnameAndDnsSettings() {
        PodSandboxConfig pod = it.pod("dns").hostname("web-0")
                .dnsConfig(new DnsConfig(List.of("10.96.0.10"), List.of("it.svc.cluster.local"), List.of("ndots:5")))
                .build();
        String sandbox = runtime.runPodSandbox(pod);
        String reader = it.start(sandbox, pod, it.container(pod, "reader", "hostname; cat /etc/resolv.conf").build());
        assertThat(it.await(reader, ContainerRunState.EXITED).exitCode()).isZero();
        assertThat(it.logs(reader)).startsWith("web-0").contains("search it.svc.cluster.local").contains("ndots:5");
    }

    @Test
    void eventsFollowSandboxesAndContainers() {
        List<RuntimeEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (Subscription ignored = runtime.subscribe(events::add)) {
            PodSandboxConfig pod = it.pod("events").build();
            String sandbox = runtime.runPodSandbox(pod);
            String id = it.start(sandbox, pod, it.container(pod, "quick", "exit 7").build());
            it.await(id, ContainerRunState.EXITED);
            runtime.removePodSandbox(sandbox);
            DockerTestSupport.await("the sandbox's deletion", () -> types(events, sandbox)
                    .contains(RuntimeEvent.Type.SANDBOX_DELETED));
            assertThat(types(events, sandbox)).containsSubsequence(RuntimeEvent.Type.SANDBOX_READY,
                    RuntimeEvent.Type.SANDBOX_STOPPED, RuntimeEvent.Type.SANDBOX_DELETED);
            assertThat(types(events, id)).containsExactly(RuntimeEvent.Type.CONTAINER_CREATED,
                    RuntimeEvent.Type.CONTAINER_STARTED, RuntimeEvent.Type.CONTAINER_EXITED,
                    RuntimeEvent.Type.CONTAINER_DELETED);
            synchronized (events) {
                assertThat(events).filteredOn(e -> id.equals(e.containerId())
                        && e.type() == RuntimeEvent.Type.CONTAINER_EXITED).singleElement()
                        .satisfies(e -> assertThat(e.exitCode()).isEqualTo(7))
                        .satisfies(e -> assertThat(e.podSandboxId()).isEqualTo(sandbox));
            }
        }
    }

    @Test
    void alwaysPullingAMissingImageFailsWithTheDaemonsMessage() {
        String missing = "127.0.0.1:1/flotilla-it/absent:1";
        assertThatThrownBy(() -> runtime.pullImage(ImageSpec.of(missing), null))
                .isInstanceOfSatisfying(ContainerRuntimeException.ImagePullFailed.class, e -> {
                    assertThat(e.image()).isEqualTo(missing);
                    assertThat(e.daemonMessage()).contains("127.0.0.1:1");
                    assertThat(e.getMessage()).contains(runtime.endpoint());
                });
        assertThat(runtime.imageStatus(ImageSpec.of(TestImages.BUSYBOX))).isPresent();
    }

    @Test
    void cleanupRemovesEverythingOfACluster() {
        PodSandboxConfig pod = it.pod("doomed").build();
        String sandbox = runtime.runPodSandbox(pod);
        String volume = runtime.createVolume(it.cluster() + "-data",
                java.util.Map.of(io.flotilla.api.runtime.RuntimeLabels.CLUSTER, it.cluster())).name();
        ContainerConfig sleeper = it.container(pod, "sleeper", "exec sleep 3600")
                .mount(io.flotilla.api.runtime.Mount.volume(volume, "/data", false)).build();
        it.await(it.start(sandbox, pod, sleeper), ContainerRunState.RUNNING);

        DockerRuntime.Removed removed = runtime.cleanup(it.cluster());
        assertThat(removed.containers()).isEqualTo(2);
        assertThat(removed.volumes()).isEqualTo(1);
        assertThat(removed.networks()).isEqualTo(1);
        it.assertNothingLeft(TestDocker.client());
    }

    private static List<RuntimeEvent.Type> types(List<RuntimeEvent> events, String id) {
        synchronized (events) {
            return events.stream().filter(e -> id.equals(e.containerId())
                    || e.containerId() == null && id.equals(e.podSandboxId())).map(RuntimeEvent::type).toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String fetch(String host, int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        AtomicReference<String> body = new AtomicReference<>();
        DockerTestSupport.await("http://" + host + ":" + port + "/ to answer", () -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://" + host + ":" + port + "/")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                body.set(response.body());
                return response.statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        return body.get();
    }
}
