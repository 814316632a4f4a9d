package io.flotilla.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.flotilla.junit.internal.Leases;
import io.flotilla.junit.internal.ManagedCluster;
import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;
import io.flotilla.testkit.TestDocker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM running a test cluster on Docker is killed with SIGKILL (no shutdown hooks, no cleanup): its containers
 * stay, and the sweep the next run does removes them because the lease's owner is dead.
 */
@RequiresRuntime(Runtimes.DOCKER)
class CrashSweepIT {

    @Test
    void theNextRunRemovesWhatAKilledJvmLeft() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashSweepChild.class.getName()).redirectErrorStream(true).start();
        String id = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("CLUSTER ")) {
                    id = line.substring("CLUSTER ".length()).trim();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(id).as("the child started a cluster").isNotNull();
        assertThat(containers(id)).as("left by the killed JVM").isNotEmpty();

        List<String> swept = ManagedCluster.sweepDeadDockerClusters(Leases.local());

        assertThat(swept).contains(id);
        assertThat(containers(id)).isEmpty();
    }

    private static List<String> containers(String clusterId) {
        DockerClient docker = TestDocker.client();
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of("io.flotilla.cluster", clusterId)).exec().stream()
                .map(c -> c.getId()).toList();
    }
}
