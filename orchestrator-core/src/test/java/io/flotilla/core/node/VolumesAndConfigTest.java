package io.flotilla.core.node;

import static io.flotilla.core.node.AgentFixture.container;
import static io.flotilla.core.node.AgentFixture.ready;
import static io.flotilla.core.node.AgentFixture.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.KeyToPath;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Secret;
import io.flotilla.api.core.SecretVolumeSource;
import io.flotilla.api.core.Volume;
import io.flotilla.api.runtime.VolumeFile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Volumes, ConfigMaps and Secrets on a simulated node, and the bad input around them. */
class VolumesAndConfigTest {
    private final AgentFixture f = new AgentFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void configMapVolumesAreUpdatedInPlace() {
        f.cluster.apply(ConfigMap.named("site").data("index.html", "v1"));
        Pod pod = f.run(Pod.named("web").volume(Volume.configMap("site"))
                .container("web", c -> c.image("nginx:1.27").mount("site", "/usr/share/nginx/html")));
        f.awaitPod("web", ready(true));
        String volume = "agent-test-" + pod.metadata().uid() + "-site";
        assertThat(f.runtime.volumeFiles(volume).get("index.html").contentAsString()).isEqualTo("v1");
        assertThat(f.runtime.volumeFiles(volume).get("index.html").mode()).isEqualTo(0644);

        f.cluster.apply(ConfigMap.named("site").data("index.html", "v2"));
        await().atMost(AgentFixture.WAIT).until(() -> f.runtime.volumeFiles(volume).get("index.html")
                .contentAsString().equals("v2"));
    }

    @Test
    void secretFilesAreMode0400UnlessToldOtherwiseAndItemsMapKeys() {
        f.cluster.apply(Secret.named("db").stringData("password", "s3cret").stringData("user", "app"));
        Pod pod = f.run(Pod.named("app")
                .volume(Volume.secret("creds", "db"))
                .volume(Volume.secret("mapped", new SecretVolumeSource("db",
                        List.of(new KeyToPath("user", "conf/user.txt", null)), 0440, null)))
                .container("app", c -> c.image("busybox:1").mount("creds", "/etc/creds").mount("mapped", "/etc/m")));
        f.awaitPod("app", ready(true));

        Map<String, VolumeFile> creds = f.runtime.volumeFiles("agent-test-" + pod.metadata().uid() + "-creds");
        assertThat(creds.get("password").mode()).isEqualTo(0400);
        assertThat(creds.get("password").contentAsString()).isEqualTo("s3cret");
        Map<String, VolumeFile> mapped = f.runtime.volumeFiles("agent-test-" + pod.metadata().uid() + "-mapped");
        assertThat(mapped).containsOnlyKeys("conf/user.txt");
        assertThat(mapped.get("conf/user.txt").mode()).isEqualTo(0440);
    }

    @Test
    void aMissingConfigMapInEnvIsCreateContainerConfigErrorUntilItAppears() {
        f.run(Pod.named("app").container("app", c -> c.image("busybox:1").envFromConfigMap("MODE", "settings", "mode")));

        f.awaitPod("app", container("app", waiting("CreateContainerConfigError")
                .and(s -> s.state().waiting().message().equals("configmap \"settings\" not found"))));
        assertThat(f.awaitEvent("app", "Failed")).isEqualTo("Error: configmap \"settings\" not found");

        f.cluster.apply(ConfigMap.named("settings").data("mode", "fast"));
        f.advance(ContainerStarter.CONFIG_RETRY);
        f.awaitPod("app", ready(true));
    }

    @Test
    void aMissingSecretVolumeIsFailedMountAndContainerCreating() {
        f.run(Pod.named("app").volume(Volume.secret("tls"))
                .container("app", c -> c.image("busybox:1").mount("tls", "/tls")));

        f.awaitPod("app", container("app", waiting("ContainerCreating")));
        assertThat(f.awaitEvent("app", "FailedMount"))
                .isEqualTo("MountVolume.SetUp failed for volume \"tls\" : secret \"tls\" not found");
    }

    @Test
    void aMissingImageIsErrImagePullThenImagePullBackOff() {
        f.scenario.missingImage("example.com/typo:1");
        f.run(Pod.named("typo").container("app", c -> c.image("example.com/typo:1")));

        f.awaitPod("typo", container("app", waiting("ImagePullBackOff")));
        assertThat(f.awaitEvent("typo", "Failed")).startsWith("Failed to pull image \"example.com/typo:1\"");
        assertThat(f.awaitEvent("typo", "BackOff")).isEqualTo("Back-off pulling image \"example.com/typo:1\"");
    }

    @Test
    void pullPolicyNeverWithoutTheImageIsErrImageNeverPull() {
        f.run(Pod.named("never").container("app", c -> c.image("local/only:1").pullPolicy("Never")));

        f.awaitPod("never", container("app", waiting("ErrImageNeverPull")));
        assertThat(f.awaitEvent("never", "ErrImageNeverPull"))
                .isEqualTo("Container image \"local/only:1\" is not present with pull policy of Never");
    }

    @Test
    void anImageThatAppearsLaterIsPulledAfterTheBackOff() {
        f.scenario.pullFailure("flaky:1", "registry unavailable");
        f.run(Pod.named("flaky").container("app", c -> c.image("flaky:1")));
        f.awaitPod("flaky", container("app", waiting("ImagePullBackOff")));
        f.advance(Duration.ofSeconds(10));
        f.awaitEvent("flaky", "Failed");
        assertThat(f.pod("flaky").orElseThrow()).matches(container("app", s -> s.state().running() == null));
    }
}
