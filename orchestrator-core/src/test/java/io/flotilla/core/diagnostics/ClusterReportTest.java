package io.flotilla.core.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.batch.Job;
import io.flotilla.api.core.Namespace;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Secret;
import io.flotilla.core.Cluster;
import io.flotilla.core.node.NodeAgentConfig;
import io.flotilla.core.sim.Scenario;
import io.flotilla.core.sim.SimBehavior;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The report of a namespace with a healthy Deployment, a finished Job and a crash-looping pod, on simulated nodes. */
class ClusterReportTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final Cluster cluster = Cluster.builder().id("cluster-report-test")
            .simulatedNodes(1, Scenario.create()
                    .forContainer("crasher", SimBehavior.exitsAfter(Duration.ofMillis(20), 3).prints("fatal: no db"))
                    .forContainer("once", SimBehavior.exitsAfter(Duration.ofMillis(20), 0)), NodeAgentConfig.defaults())
            .start();

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void showsTablesEventsFailingLogsAndADumpWithoutSecretValues() {
        cluster.apply(Namespace.named("shop"));
        cluster.apply(Deployment.named("web").namespace("shop").replicas(2).container("app", c -> c.image("web:1")));
        cluster.apply(Job.named("migrate").namespace("shop").container("once", c -> c.image("m:1"))
                .restartPolicy("Never"));
        cluster.apply(Pod.named("broken").namespace("shop").container("crasher", c -> c.image("c:1")));
        cluster.apply(Secret.named("db").namespace("shop").stringData("password", "hunter2-very-secret"));
        ClusterReport report = ClusterReport.of(cluster, "shop");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(report.podTable()).contains("CrashLoopBackOff");
            assertThat(report.workloadTable()).contains("Complete");
            assertThat(report.workloadTable()).containsPattern("deployment.apps/web\\s+2/2\\s+2\\s+2\\s");
        });

        assertThat(report.podTable().lines().findFirst().orElseThrow())
                .matches("NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE\\s+NODE");
        assertThat(report.podTable()).containsPattern("broken\\s+0/1\\s+CrashLoopBackOff\\s+[1-9]\\d*\\s+\\d+s\\s+sim-0001")
                .containsPattern("web-\\S+\\s+1/1\\s+Running\\s+0\\s").containsPattern("migrate-\\S+\\s+0/1\\s+Completed");
        assertThat(report.workloadTable()).containsPattern("job.batch/migrate\\s+Complete\\s+1/1");
        assertThat(report.recentEvents(50)).containsPattern("LAST SEEN\\s+TYPE\\s+REASON\\s+OBJECT\\s+MESSAGE")
                .contains("pod/broken", "Warning", "BackOff");
        assertThat(report.recentEvents(1).lines()).hasSize(2);
        assertThat(report.failingContainerLogs(10)).contains("==> shop/broken/crasher (", "fatal: no db")
                .doesNotContain("shop/web-");

        String dump = report.fullDump();
        assertThat(dump).contains("## Workloads", "## Pods", "## Events", "## Container logs", "## Objects",
                "kind: Deployment", "kind: Secret", "password: <redacted>", "fatal: no db");
        assertThat(dump).doesNotContain("hunter2").doesNotContain("aHVudGVyMi");
        assertThat(ClusterReport.of(cluster, null).podTable()).startsWith("NAMESPACE");
        assertThat(ClusterReport.of(cluster, "empty").podTable()).isEqualTo("No resources found in empty namespace.\n");
    }
}
