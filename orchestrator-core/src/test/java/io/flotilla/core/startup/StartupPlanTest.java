package io.flotilla.core.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.batch.Job;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Service;
import io.flotilla.core.Cluster;
import io.flotilla.core.node.NodeAgentConfig;
import io.flotilla.core.sim.Scenario;
import io.flotilla.core.sim.SimBehavior;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The start-up graph on simulated nodes (system clock, in-process containers): dependencies are honoured, failures
 * are reported at once with the failing container's log, and bad graphs are refused at build time.
 */
class StartupPlanTest {
    private final Scenario scenario = Scenario.create()
            .forContainer("migrate", SimBehavior.exitsAfter(Duration.ofMillis(300), 0).prints("migrated 3 tables"))
            .forContainer("crasher", SimBehavior.exitsAfter(Duration.ofMillis(50), 1).prints("boom: db unreachable"))
            .missingImage("example.com/typo:1");
    private final Cluster cluster = Cluster.builder().id("startup-plan-test")
            .simulatedNodes(2, scenario, NodeAgentConfig.defaults()).start();

    @AfterEach
    void close() {
        cluster.close();
    }

    private static Job migrate() {
        return Job.named("migrate").container("migrate", c -> c.image("busybox:1")).restartPolicy("Never")
                .backoffLimit(0).build();
    }

    private static Deployment.Builder web(String container, String image) {
        return Deployment.named("web").replicas(2).container(container, c -> c.image(image));
    }

    @Test
    void dependentsStartOnlyAfterTheirDependencyCompleted() {
        StartupReport report = StartupPlan.builder()
                .resource(ConfigMap.named("settings").data("mode", "test"))
                .resource(web("app", "web:1"), "Job/migrate")
                .resource(Service.named("web").selector("app", "web").port(80))
                .resource(migrate())
                .timeout(Duration.ofSeconds(30))
                .build().run(cluster, "shop");

        assertThat(report.readyAfter()).containsOnlyKeys("ConfigMap/settings", "Service/web", "Job/migrate",
                "Deployment/web");
        assertThat(report.readyAfter("Deployment/web")).isGreaterThan(report.readyAfter("Job/migrate"));
        Instant completed = cluster.client().jobs().inNamespace("shop").get("migrate").orElseThrow()
                .status().completionTime();
        Instant webCreated = cluster.client().deployments().inNamespace("shop").get("web").orElseThrow()
                .metadata().creationTimestamp();
        assertThat(webCreated).isAfterOrEqualTo(completed.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(report.total()).isGreaterThanOrEqualTo(report.readyAfter("Deployment/web"));
        assertThat(report.toString()).contains("Deployment/web", "ms");
    }

    @Test
    void aMissingImageFailsFastNamingTheWorkloadAndReason() {
        long start = System.nanoTime();
        StartupFailedException e = catchThrowableOfType(StartupFailedException.class, () -> StartupPlan.builder()
                .resource(web("app", "example.com/typo:1"))
                .timeout(Duration.ofSeconds(60))
                .build().run(cluster, "typo"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(e.timedOut()).isFalse();
        assertThat(e.resource()).isEqualTo("Deployment/web");
        assertThat(e.reason()).containsPattern("ErrImagePull|ImagePullBackOff").contains("container app");
        assertThat(e.getMessage()).contains("Deployment/web in namespace typo cannot start", "Pods of Deployment/web",
                "Recent events:", "example.com/typo:1");
    }

    @Test
    void aCrashLoopFailsFastWithTheContainersLastLogLines() {
        StartupFailedException e = catchThrowableOfType(StartupFailedException.class, () -> StartupPlan.builder()
                .resource(Job.named("seed").container("crasher", c -> c.image("busybox:1")).restartPolicy("OnFailure"))
                .build().run(cluster, "crash"));

        assertThat(e.timedOut()).isFalse();
        assertThat(e.resource()).isEqualTo("Job/seed");
        assertThat(e.reason()).contains("container crasher", "last exit code 1");
        assertThat(e.getMessage()).contains("Last log lines of failing containers:", "boom: db unreachable",
                "/crasher (");
    }

    @Test
    void aFailedJobFailsItsDependentsBeforeTheyAreApplied() {
        StartupFailedException e = catchThrowableOfType(StartupFailedException.class, () -> StartupPlan.builder()
                .resource(Job.named("migrate").container("crasher", c -> c.image("busybox:1"))
                        .restartPolicy("Never").backoffLimit(0))
                .resource(web("app", "web:1"), "Job/migrate")
                .build().run(cluster, "jobfail"));

        assertThat(e.resource()).isEqualTo("Job/migrate");
        assertThat(e.getMessage()).contains("boom: db unreachable");
        assertThat(cluster.client().deployments().inNamespace("jobfail").get("web")).isEmpty();
    }

    @Test
    void aWorkloadThatCannotBeScheduledTimesOutWithWhatItWaitsFor() {
        StartupFailedException e = catchThrowableOfType(StartupFailedException.class, () -> StartupPlan.builder()
                .resource(Deployment.named("nowhere").container("app", c -> c.image("web:1"))
                        .nodeSelector("disk", "ssd"))
                .timeout(Duration.ofSeconds(4))
                .build().run(cluster, "sched"));

        assertThat(e.timedOut()).isTrue();
        assertThat(e.resource()).isEqualTo("Deployment/nowhere");
        assertThat(e.getMessage()).contains("did not become ready", "nowhere-", "Pending");
    }

    @Test
    void unknownDependenciesAreRefusedListingWhatThePlanHolds() {
        assertThatThrownBy(() -> StartupPlan.builder().resource(migrate())
                .resource(web("app", "web:1"), "Job/migration").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Deployment/web depends on Job/migration, which is not in the start-up plan")
                .hasMessageContaining("[Job/migrate, Deployment/web]");
    }

    @Test
    void cyclesAreRefusedShowingTheCycle() {
        assertThatThrownBy(() -> StartupPlan.builder()
                .resource(ConfigMap.named("a").build(), "ConfigMap/c")
                .resource(ConfigMap.named("b").build(), "ConfigMap/a")
                .resource(ConfigMap.named("c").build(), "ConfigMap/b")
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle: ConfigMap/a -> ConfigMap/c -> ConfigMap/b -> ConfigMap/a");
    }

    @Test
    void duplicatesAndSelfDependenciesAreRefused() {
        assertThatThrownBy(() -> StartupPlan.builder().resource(migrate()).resource(migrate()))
                .hasMessageContaining("Job/migrate was added to the start-up plan twice");
        assertThatThrownBy(() -> StartupPlan.builder().resource(migrate(), "Job/migrate").build())
                .hasMessageContaining("Job/migrate depends on itself");
    }
}
