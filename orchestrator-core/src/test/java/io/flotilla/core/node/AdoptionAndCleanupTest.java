package io.flotilla.core.node;

import static io.flotilla.core.node.AgentFixture.container;
import static io.flotilla.core.node.AgentFixture.ready;
import static io.flotilla.core.node.AgentFixture.restarts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Volume;
import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.RuntimeLabels;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A restarted agent adopts what its runtime holds; closing the cluster removes what it created. */
class AdoptionAndCleanupTest {

    @Test
    void aNewAgentOnTheSameRuntimeAdoptsRunningPodsAndRemovesStrangers() {
        try (AgentFixture f = new AgentFixture()) {
            f.run(Pod.named("web").volume(Volume.emptyDir("scratch"))
                    .container("web", c -> c.image("nginx:1.27").mount("scratch", "/tmp")));
            Pod before = f.awaitPod("web", ready(true));
            String containerId = before.status().containerStatuses().get(0).containerID();
            // something of this cluster on this node that belongs to no pod
            String stray = f.runtime.runPodSandbox(PodSandboxConfig.builder("default", "ghost", "ghost-uid")
                    .labels(Map.of(RuntimeLabels.CLUSTER, "agent-test", RuntimeLabels.NODE, "n1",
                            RuntimeLabels.POD_UID, "ghost-uid")).build());

            NodeAgent fresh = f.cluster.nodes().restart("n1");

            assertThat(fresh.isRunning()).isTrue();
            await().atMost(AgentFixture.WAIT).until(() -> f.runtime.listPodSandboxes(PodSandboxFilter.all())
                    .stream().noneMatch(s -> s.id().equals(stray)));
            Pod after = f.awaitPod("web", ready(true).and(container("web", restarts(0))));
            assertThat(after.status().containerStatuses().get(0).containerID()).isEqualTo(containerId);
            assertThat(f.runtime.listPodSandboxes(PodSandboxFilter.all())).hasSize(1);
            assertThat(f.runtime.listContainers(ContainerFilter.all())).hasSize(1);
            assertThat(after.status().startTime()).isEqualTo(before.status().startTime());
        }
    }

    @Test
    void closingTheClusterRemovesEverythingItCreatedButPersistentVolumes() {
        AgentFixture f = new AgentFixture();
        f.cluster.apply(PersistentVolumeClaim.named("data").accessMode("ReadWriteOnce").storage("1Gi"));
        f.run(Pod.named("db").volume(Volume.emptyDir("tmp")).volume(Volume.persistentVolumeClaim("data", "data"))
                .container("db", c -> c.image("postgres:16").mount("tmp", "/tmp").mount("data", "/var/lib/data")));
        f.awaitPod("db", ready(true));
        // a container of another cluster on the same runtime must survive
        String other = f.runtime.runPodSandbox(PodSandboxConfig.builder("default", "x", "x-uid")
                .label(RuntimeLabels.CLUSTER, "someone-else").build());
        f.runtime.pullImage(io.flotilla.api.runtime.ImageSpec.of("busybox:1"), null);
        f.runtime.createContainer(other, ContainerConfig.builder("c", "busybox:1").build(),
                PodSandboxConfig.builder("default", "x", "x-uid").build());

        f.close();

        Map<String, String> ours = RuntimeLabels.cluster("agent-test");
        assertThat(f.runtime.listPodSandboxes(PodSandboxFilter.labels(ours))).isEmpty();
        assertThat(f.runtime.listContainers(ContainerFilter.labels(ours))).isEmpty();
        assertThat(f.runtime.listVolumes(ours)).singleElement()
                .satisfies(v -> assertThat(v.labels()).containsEntry(VolumeManager.VOLUME_TYPE,
                        VolumeManager.PERSISTENT));
        assertThat(f.runtime.listPodSandboxes(PodSandboxFilter.all())).hasSize(1);
        assertThat(f.runtime.listContainers(ContainerFilter.all())).hasSize(1);
    }
}
