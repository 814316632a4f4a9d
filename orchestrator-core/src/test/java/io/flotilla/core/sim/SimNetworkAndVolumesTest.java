package io.flotilla.core.sim;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.LogOptions;
import io.flotilla.api.runtime.Mount;
import io.flotilla.api.runtime.NetworkProbeResult;
import io.flotilla.api.runtime.PodNetworkProber;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.VolumeFile;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pod IPs, probe answers, in-sandbox fetches and volume files of the simulated runtime. */
class SimNetworkAndVolumesTest {
    private static final Duration TIMEOUT = ofSeconds(1);
    private final SimFixture sim = new SimFixture();
    private final SimulatedRuntime runtime = sim.runtime;
    private final PodNetworkProber prober = runtime.podNetworkProber().orElseThrow();

    @Test
    void sandboxesGetTheLowestFreeIpOfThePodCidr() {
        String a = sim.sandbox("a");
        String b = sim.sandbox("b");
        assertThat(runtime.podSandboxStatus(a).ip()).isEqualTo("10.244.0.2");
        assertThat(runtime.podSandboxStatus(b).ip()).isEqualTo("10.244.0.3");
        runtime.stopPodSandbox(a);
        assertThat(runtime.podSandboxStatus(a).ip()).isNull();
        assertThat(runtime.podSandboxStatus(sim.sandbox("c")).ip()).isEqualTo("10.244.0.2");

        String host = runtime.runPodSandbox(PodSandboxConfig.builder("kube-system", "agent", "u").hostNetwork(true)
                .build());
        assertThat(runtime.podSandboxStatus(host).ip()).isEqualTo("10.240.0.2");
        SimulatedRuntime other = SimulatedRuntime.builder(VirtualClock.create()).podCidr("10.244.7.0/24").build();
        assertThat(other.podSandboxStatus(other.runPodSandbox(SimFixture.pod("x"))).ip()).isEqualTo("10.244.7.2");
    }

    @Test
    void idsAreDeterministic() {
        SimFixture twin = new SimFixture();
        assertThat(twin.run("same")).isEqualTo(sim.run("same"));
    }

    @Test
    void httpProbesFollowTheServingWindow() {
        sim.scenario.forContainer("web", SimBehavior.runsForever()
                .servesBetween(ofSeconds(10), ofSeconds(60), 80, "/ready", 200, "ok")
                .serves(80, "/healthz", 500, "broken"));
        String pod = sim.sandbox("web");
        sim.run(pod, "web", 0);

        NetworkProbeResult early = prober.httpGet(pod, "HTTP", 80, "/ready", Map.of(), TIMEOUT);
        assertThat(early.success()).isFalse();
        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(prober.httpGet(pod, "HTTP", 80, "/healthz", Map.of(), TIMEOUT).success()).isFalse();
        sim.clock.advance(ofSeconds(10));
        assertThat(prober.httpGet(pod, "HTTP", 80, "/ready", Map.of(), TIMEOUT).success()).isTrue();
        sim.clock.advance(ofSeconds(50));
        assertThat(prober.httpGet(pod, "HTTP", 80, "/ready", Map.of(), TIMEOUT).statusCode()).isEqualTo(404);

        NetworkProbeResult closed = prober.httpGet(pod, "HTTP", 81, "/", Map.of(), TIMEOUT);
        assertThat(closed.connected()).isFalse();
        assertThat(closed.message()).contains("10.244.0.2:81", "connection refused");
    }

    @Test
    void tcpProbesSeeListeningPortsOfRunningContainersOfReadySandboxes() {
        sim.scenario.forContainer("db", SimBehavior.runsForever().listens(5432));
        String pod = sim.sandbox("db");
        String db = sim.run(pod, "db", 0);
        assertThat(prober.tcpConnect(pod, 5432, TIMEOUT).success()).isTrue();
        assertThat(prober.tcpConnect(pod, 5433, TIMEOUT).success()).isFalse();
        runtime.stopContainer(db, Duration.ZERO);
        assertThat(prober.tcpConnect(pod, 5432, TIMEOUT).success()).isFalse();
        assertThatThrownBy(() -> prober.tcpConnect("nope", 1, TIMEOUT))
                .isInstanceOf(ContainerRuntimeException.NotFound.class);
    }

    @Test
    void fetchFailsWhenNoSiblingServes() {
        sim.scenario.forContainer("client", SimBehavior.runsForever().fetches(80, "/").exitAt(Duration.ZERO, 0));
        String client = sim.run("client");
        assertThat(runtime.containerStatus(client).exitCode()).isEqualTo(1);
        assertThat(runtime.readLogs(client, LogOptions.all()).getFirst().text()).contains("Connection refused");
    }

    @Test
    void volumeFilesAreReplacedAsAWholeAndKeepTheirModes() {
        runtime.createVolume("conf", Map.of("k", "v"));
        assertThat(runtime.createVolume("conf", Map.of("other", "labels")).labels()).containsEntry("k", "v");
        runtime.writeFiles("conf", Map.of("a.txt", VolumeFile.text("A")));
        runtime.writeFiles("conf", Map.of("dir/b.txt", VolumeFile.secret(new byte[] {1, 2})));

        assertThat(runtime.volumeFiles("conf")).containsOnlyKeys("dir/b.txt");
        assertThat(runtime.volumeFiles("conf").get("dir/b.txt").mode()).isEqualTo(0400);
        assertThat(runtime.volumeFiles("conf").get("dir/b.txt").toString()).doesNotContain("1, 2");
        assertThatThrownBy(() -> runtime.writeFiles("conf", Map.of("/abs", VolumeFile.text("x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(runtime.listVolumes(Map.of("k", "v"))).hasSize(1);
        assertThat(runtime.listVolumes(Map.of("k", "w"))).isEmpty();
    }

    @Test
    void containersReadMountedFilesAndVolumesInUseCannotBeRemoved() {
        runtime.createVolume("site", Map.of());
        runtime.writeFiles("site", Map.of("index.html", VolumeFile.text("<h1>hi</h1>\nbye\n")));
        sim.scenario.forContainer("cat", SimBehavior.runsForever().printsFile("/usr/share/html/index.html")
                .printsFile("/elsewhere/x"));
        String pod = sim.sandbox("cat");
        String cat = runtime.createContainer(pod, ContainerConfig.builder("cat", SimFixture.IMAGE)
                .mount(Mount.volume("site", "/usr/share/html", true)).build(), SimFixture.pod("cat"));
        runtime.startContainer(cat);

        assertThat(ContractTexts.of(runtime.readLogs(cat, LogOptions.all())))
                .containsExactly("<h1>hi</h1>", "bye", "cat: can't open '/elsewhere/x': No such file");
        assertThatThrownBy(() -> runtime.removeVolume("site")).isInstanceOf(ContainerRuntimeException.InvalidState.class);
        runtime.removePodSandbox(pod);
        runtime.removeVolume("site");
        assertThat(runtime.listVolumes(Map.of())).isEmpty();
        assertThatThrownBy(() -> runtime.createContainer(sim.sandbox("late"), ContainerConfig.builder("c",
                SimFixture.IMAGE).mount(Mount.volume("site", "/x", false)).build(), SimFixture.pod("late")))
                .isInstanceOf(ContainerRuntimeException.NotFound.class);
    }

    /** Text of log lines. */
    private static final class ContractTexts {
        static List<String> of(List<io.flotilla.api.runtime.LogLine> lines) {
            return lines.stream().map(io.flotilla.api.runtime.LogLine::text).toList();
        }
    }
}
