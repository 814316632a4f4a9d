package io.flotilla.junit;

import static io.flotilla.junit.ClusterAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.batch.Job;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Service;
import io.flotilla.api.meta.Resource;
import io.flotilla.core.Cluster;
import io.flotilla.core.node.NodeAgent;
import io.flotilla.core.sim.Scenario;
import io.flotilla.core.sim.SimBehavior;
import io.flotilla.core.startup.StartupFailedException;
import io.flotilla.core.startup.StartupReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The extension end to end on the simulated runtime, run through JUnit's {@link EngineTestKit}: a declared topology
 * starts in dependency order and is injected; a test that fails on purpose prints diagnostics and writes its report;
 * a start-up that cannot succeed fails fast with its own report. The nested classes are the tests under test (run
 * only from here: Surefire skips nested classes).
 */
class FlotillaExtensionTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @FlotillaTest(runtime = TestRuntime.SIMULATED, nodes = 2)
    @Manifests("k8s/settings.yaml")
    static class Topology {
        static Scenario scenario = Scenario.create()
                .forContainer("migrate", SimBehavior.exitsAfter(Duration.ofMillis(200), 0));
        static Cluster cluster;
        static Cluster seen;
        TestNamespace namespace;

        @Workload
        static Job migrate = Job.named("migrate").container("migrate", c -> c.image("busybox:1"))
                .restartPolicy("Never").build();

        @Workload(dependsOn = {"Job/migrate", "ConfigMap/settings"})
        static Deployment.Builder web = Deployment.named("web").replicas(2).container("app", c -> c.image("web:1"));

        @Workload
        static List<Resource> services() {
            return List.of(Service.named("web").selector("app", "web").port(80).build());
        }

        @Test
        void startsTheTopologyInItsOwnNamespaceAndInjectsIt(StartupReport report, Cluster parameter) {
            seen = cluster;
            assertThat((Object) parameter).isSameAs(cluster);
            assertThat(namespace.name()).matches("t-topology-[a-z0-9]{5}");
            assertThat(report.readyAfter("Deployment/web")).isGreaterThan(report.readyAfter("Job/migrate"));
            assertThat(cluster.client().configMaps().inNamespace(namespace.name()).get("settings")).isPresent();
            assertThat(cluster).deployment("web").hasAvailableReplicas(2).isRolledOut();
            assertThat(cluster).service("web").exists().eventually(WAIT).hasReadyEndpoints(2);
            assertThat(cluster).events().contains("Completed", "migrate");
        }
    }

    @FlotillaTest(runtime = TestRuntime.SIMULATED)
    static class FailingOnPurpose {
        static Scenario scenario = Scenario.create()
                .forContainer("crasher", SimBehavior.exitsAfter(Duration.ofMillis(20), 3).prints("fatal: no db here"));

        @Workload
        static Deployment.Builder web = Deployment.named("web").replicas(1).container("app", c -> c.image("web:1"));

        @Test
        void wantsMoreReplicasThanThereAre(Cluster cluster, TestNamespace ns) {
            ns.apply(Pod.named("crasher").container("crasher", c -> c.image("c:1")));
            assertThat(cluster).pod("crasher").eventually(WAIT).hasRestartedAtLeast(1);
            assertThat(cluster).deployment("web").hasAvailableReplicas(5);
        }
    }

    @FlotillaTest(runtime = TestRuntime.SIMULATED, startupTimeoutSeconds = 60)
    static class CannotStart {
        static Scenario scenario = Scenario.create().missingImage("example.com/typo:1");

        @Workload
        static Deployment.Builder web = Deployment.named("web").container("app", c -> c.image("example.com/typo:1"));

        @Test
        void neverRuns() {
        }
    }

    @Test
    void aDeclaredTopologyStartsInOrderIsInjectedAndIsClosedAfterwards() {
        EngineExecutionResults results = run(Topology.class, null);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
        assertThat((Object) Topology.seen).isNotNull();
        assertThat(Topology.seen.nodes().agents()).hasSize(2).noneMatch(NodeAgent::isRunning);
    }

    @Test
    void aFailingTestPrintsDiagnosticsAndWritesTheFullReport(@TempDir Path reports) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        EngineExecutionResults results = run(FailingOnPurpose.class, reports, printed);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("to have 5 available replicas,\nbut it has 1")
                .hasMessageContaining("deployment.apps/web");
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Flotilla diagnostics: " + FailingOnPurpose.class.getName()
                        + ".wantsMoreReplicasThanThereAre failed")
                .containsPattern("NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE\\s+NODE")
                .containsPattern("crasher\\s+\\d/1\\s+\\S+\\s+[1-9]")
                .containsPattern("LAST SEEN\\s+TYPE\\s+REASON\\s+OBJECT\\s+MESSAGE")
                .contains("BackOff", "==> t-failingonpurpose-", "/crasher/crasher (", "fatal: no db here");
        Path file = reports.resolve(FailingOnPurpose.class.getName().replace('$', '_')).resolve("wantsMoreReplicasThanThereAre.txt");
        assertThat(out).contains("Full dump: " + file.toAbsolutePath());
        assertThat(Files.readString(file)).contains("## Pods", "## Events", "## Objects", "kind: Deployment",
                "fatal: no db here", "to have 5 available replicas");
    }

    @Test
    void aTopologyThatCannotStartFailsTheClassFastWithItsReport(@TempDir Path reports) throws Exception {
        long start = System.nanoTime();
        EngineExecutionResults results = run(CannotStart.class, reports, new ByteArrayOutputStream());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        Throwable cause = results.containerEvents().failed().stream()
                .map(e -> e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable())
                .flatMap(java.util.Optional::stream).findFirst().orElseThrow();
        assertThat(cause).isInstanceOf(StartupFailedException.class).hasMessageContaining("Deployment/web")
                .hasMessageContaining("container app");
        assertThat(reports.resolve(CannotStart.class.getName().replace('$', '_')).resolve("startup.txt")).exists();
        results.testEvents().assertStatistics(s -> s.started(0));
    }

    static EngineExecutionResults run(Class<?> testClass, Path reports) {
        return run(testClass, reports, new ByteArrayOutputStream());
    }

    /** Runs {@code testClass} with JUnit, capturing what it prints to stderr into {@code printed}. */
    static EngineExecutionResults run(Class<?> testClass, Path reports, ByteArrayOutputStream printed) {
        PrintStream original = System.err;
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            var kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass));
            if (reports != null) {
                kit = kit.configurationParameter("flotilla.reports.dir", reports.toString());
            }
            return kit.execute();
        } finally {
            System.setErr(original);
            original.print(printed.toString(StandardCharsets.UTF_8));
        }
    }
}
