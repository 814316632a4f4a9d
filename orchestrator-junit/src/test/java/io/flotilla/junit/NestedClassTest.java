package io.flotilla.junit;

import static io.flotilla.junit.ClusterAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.core.Cluster;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A {@code @Nested} class shares its enclosing class's cluster and namespace instead of starting its own. */
@FlotillaTest(runtime = TestRuntime.SIMULATED)
class NestedClassTest {
    @Workload
    static ConfigMap outer = ConfigMap.named("outer").data("k", "v").build();

    Cluster cluster;
    TestNamespace ns;

    @Test
    void outerObjectsAreThere() {
        assertThat(cluster.client().configMaps().inNamespace(ns.name()).get("outer")).isPresent();
    }

    @Nested
    class Inner {
        @Test
        void sharesTheClusterAndNamespace(TestNamespace inner, Cluster innerCluster) {
            assertThat(inner.name()).isEqualTo(ns.name());
            assertThat((Object) innerCluster).isSameAs(cluster);
            assertThat(innerCluster.client().configMaps().inNamespace(inner.name()).get("outer")).isPresent();
        }
    }
}
