package io.flotilla.examples.shop;

import static io.flotilla.junit.ClusterAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.Cluster;
import io.flotilla.core.startup.StartupPlan;
import io.flotilla.core.startup.StartupReport;
import io.flotilla.junit.FlotillaTest;
import io.flotilla.junit.TestNamespace;
import io.flotilla.junit.Workload;
import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The three-tier shop as a user of {@code orchestrator-junit} would test it: {@link FlotillaTest} starts a cluster
 * on the local Docker engine, applies the shop's start-up plan into the class's own namespace (the migration Job
 * before the api), and the assertions wait for the workloads and Services.
 */
@RequiresRuntime(Runtimes.DOCKER)
@FlotillaTest(startupTimeoutSeconds = 180)
class ThreeTierShopExtensionIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Workload
    static StartupPlan shop(String namespace) {
        return ThreeTierShop.plan(namespace, Duration.ofMinutes(3));
    }

    @Test
    void theShopStartsInOrderAndAnswers(Cluster cluster, TestNamespace ns, StartupReport report) {
        assertThat(report.readyAfter("Deployment/api")).isGreaterThan(report.readyAfter("Job/migrate"));
        assertThat(cluster).deployment("web").hasAvailableReplicas(3);
        assertThat(cluster).deployment("api").hasAvailableReplicas(2);
        assertThat(cluster).statefulSet("db").hasReadyReplicas(1);
        assertThat(cluster).service("db").isResolvable();
        assertThat(cluster).service("web").eventually(WAIT).answersHttp("/", "<h1>Flotilla shop</h1>");
        assertThat(cluster).service("api").eventually(WAIT).answersHttp("/", "\"schema\":\"v1\"");
        assertThat(ns.report().fullDump()).contains("kind: Secret").doesNotContain(ThreeTierShop.PASSWORD);
    }
}
