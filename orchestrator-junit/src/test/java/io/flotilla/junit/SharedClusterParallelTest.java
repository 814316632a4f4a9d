package io.flotilla.junit;

import static io.flotilla.junit.ClusterAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.core.Cluster;
import io.flotilla.core.node.NodeAgent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Two test classes on one SHARED simulated cluster, run in parallel by JUnit (a latch proves they overlap): each
 * sees only the objects of its own namespace, and the default namespace of the assertions follows each class.
 */
class SharedClusterParallelTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    static final CountDownLatch BOTH_RUNNING = new CountDownLatch(2);
    static final Map<String, Cluster> CLUSTERS = new ConcurrentHashMap<>();
    static final Map<String, String> NAMESPACES = new ConcurrentHashMap<>();

    /** What both classes do, with their own names and replica counts. */
    abstract static class Tenant {
        static void check(String owner, int replicas, Cluster cluster, TestNamespace ns) throws Exception {
            CLUSTERS.put(owner, cluster);
            NAMESPACES.put(owner, ns.name());
            BOTH_RUNNING.countDown();
            assertThat(BOTH_RUNNING.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the other class runs too").isTrue();

            assertThat(cluster.client().configMaps().inNamespace(ns.name()).list())
                    .extracting(cm -> cm.data().get("owner")).containsExactly(owner);
            assertThat(cluster).deployment("web").eventually(WAIT).hasAvailableReplicas(replicas);
            assertThat(cluster.client().pods().inNamespace(ns.name()).list()).hasSize(replicas);
        }
    }

    @FlotillaTest(runtime = TestRuntime.SIMULATED, scope = ClusterScope.SHARED)
    static class TenantA extends Tenant {
        @Workload
        static ConfigMap mine = ConfigMap.named("mine").data("owner", "a").build();
        @Workload
        static Deployment.Builder web = Deployment.named("web").replicas(1).container("app", c -> c.image("a:1"));

        @Test
        void seesOnlyItsOwnObjects(Cluster cluster, TestNamespace ns) throws Exception {
            check("a", 1, cluster, ns);
        }
    }

    @FlotillaTest(runtime = TestRuntime.SIMULATED, scope = ClusterScope.SHARED)
    static class TenantB extends Tenant {
        @Workload
        static ConfigMap mine = ConfigMap.named("mine").data("owner", "b").build();
        @Workload
        static Deployment.Builder web = Deployment.named("web").replicas(3).container("app", c -> c.image("b:1"));

        @Test
        void seesOnlyItsOwnObjects(Cluster cluster, TestNamespace ns) throws Exception {
            check("b", 3, cluster, ns);
        }
    }

    @Test
    void parallelClassesOnASharedClusterDoNotSeeEachOther() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(TenantA.class), selectClass(TenantB.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .execute();

        results.allEvents().failed().stream().forEach(e -> e.getPayload(
                org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable())
                .ifPresent(Throwable::printStackTrace));
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat((Object) CLUSTERS.get("a")).isSameAs(CLUSTERS.get("b"));
        assertThat(NAMESPACES.get("a")).startsWith("t-tenanta-").isNotEqualTo(NAMESPACES.get("b"));
        assertThat(CLUSTERS.get("a").nodes().agents()).noneMatch(NodeAgent::isRunning);
    }
}
