package io.flotilla.examples.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.meta.Resource;
import io.flotilla.core.Cluster;
import io.flotilla.core.node.NodeAgentConfig;
import io.flotilla.core.sim.Scenario;
import io.flotilla.core.sim.SimBehavior;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guestbook folder applies as is, in file order, and its Deployments become available on simulated nodes. */
class YamlFolderTest {

    @Test
    void theGuestbookFolderAppliesAsIsAndBecomesAvailable() {
        Scenario scenario = Scenario.create()
                .forContainer("httpd", SimBehavior.runsForever().serves(8080, "/", 200, "guestbook"))
                .forContainer("backend", SimBehavior.runsForever().listens(6379));
        try (Cluster cluster = Cluster.builder().id("yaml-test")
                .simulatedNodes(2, scenario, NodeAgentConfig.defaults()).start()) {
            List<Resource> applied = YamlFolder.apply(cluster, YamlFolder.folder(YamlFolder.GUESTBOOK));

            assertThat(applied).extracting(r -> r.kind() + "/" + r.metadata().name()).containsExactly(
                    "Namespace/guestbook", "ConfigMap/site", "Secret/backend", "Deployment/backend",
                    "Service/backend", "Deployment/frontend", "Service/frontend");
            YamlFolder.awaitAvailable(cluster, Duration.ofSeconds(30));
            assertThat(cluster.client().services().inNamespace(YamlFolder.NAMESPACE).get("frontend").orElseThrow()
                    .spec().ports().get(0).nodePort()).isBetween(30000, 32767);
            assertThat(applied.toString()).doesNotContain("guestbook-secret-never-printed");
        }
    }
}
