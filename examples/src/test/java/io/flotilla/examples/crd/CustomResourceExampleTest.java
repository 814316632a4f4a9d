package io.flotilla.examples.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.manifest.ManifestException;
import io.flotilla.core.Cluster;
import io.flotilla.core.node.NodeAgentConfig;
import io.flotilla.core.sim.Scenario;
import io.flotilla.core.sim.SimBehavior;
import io.flotilla.examples.support.Await;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Website kind on simulated nodes: loaded from YAML, validated like a built-in kind, reconciled into a
 * ConfigMap, a Deployment and a Service it owns, reported in its status, and cleaned up with it.
 */
class CustomResourceExampleTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Cluster cluster() {
        Scenario scenario = Scenario.create().forContainer("httpd", SimBehavior.runsForever().serves(8080, "/", 200,
                "hello"));
        return CustomResourceExample.withWebsites(Cluster.builder().id("crd-test")
                .simulatedNodes(1, scenario, NodeAgentConfig.defaults()));
    }

    @Test
    void aWebsiteBecomesADeploymentReportsItsReplicasAndTakesItsChildrenWithIt() {
        try (Cluster cluster = cluster()) {
            cluster.applyYaml(CustomResourceExample.HELLO_YAML);
            CustomResourceExample.awaitAvailable(cluster, "hello", 2, WAIT);

            ConfigMap content = cluster.client().configMaps().get("hello-content").orElseThrow();
            assertThat(content.data()).containsEntry("index.html", "hello from a custom resource");
            Deployment web = cluster.client().deployments().get("hello").orElseThrow();
            assertThat(web.metadata().ownerReferences()).singleElement()
                    .matches(o -> o.kind().equals("Website") && o.name().equals("hello"));

            cluster.client().resources(Website.TYPE).update("hello",
                    w -> new Website(w.metadata(), new Website.Spec(3, "changed"), w.status()));
            CustomResourceExample.awaitAvailable(cluster, "hello", 3, WAIT);
            assertThat(cluster.client().configMaps().get("hello-content").orElseThrow().data())
                    .containsEntry("index.html", "changed");

            cluster.client().resources(Website.TYPE).delete("hello");
            Await.until("hello's children to be collected", WAIT,
                    () -> CustomResourceExample.childrenGone(cluster, "hello"));
        }
    }

    @Test
    void anInvalidWebsiteIsRefusedNamingTheField() {
        try (Cluster cluster = cluster()) {
            assertThatThrownBy(() -> cluster.applyYaml("""
                    apiVersion: example.flotilla.io/v1
                    kind: Website
                    metadata: {name: broken}
                    spec: {replicas: -1}
                    """))
                    .isInstanceOf(ManifestException.class)
                    .hasMessageContaining("spec.replicas").hasMessageContaining("spec.message");
        }
    }
}
