package io.flotilla.junit;

import static io.flotilla.junit.ClusterAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.batch.Job;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Probe;
import io.flotilla.api.core.Service;
import io.flotilla.core.Cluster;
import io.flotilla.core.startup.StartupReport;
import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;
import io.flotilla.testkit.TestImages;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The extension on real Docker containers: a migration Job that must complete before a Deployment of busybox httpd
 * servers behind a NodePort Service; the Service answers through its host URL and keeps answering on the same URL
 * while a killed container heals.
 */
@RequiresRuntime(Runtimes.DOCKER)
@FlotillaTest
class FlotillaDockerIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Workload
    static ConfigMap page = ConfigMap.named("page").data("index.html", "hello from flotilla").build();

    @Workload
    static Job migrate = Job.named("migrate").restartPolicy("Never").backoffLimit(0)
            .container("migrate", c -> c.image(TestImages.BUSYBOX).command("sh", "-c", "echo migrated; sleep 1"))
            .build();

    @Workload(dependsOn = {"Job/migrate", "ConfigMap/page"})
    static Deployment.Builder web = Deployment.named("web").replicas(2)
            .container("httpd", c -> c.image(TestImages.BUSYBOX)
                    .command("sh", "-c", "mkdir -p /www && cp /site/index.html /www/ && exec httpd -f -p 8080 -h /www")
                    .port(8080).readiness(Probe.http("/", 8080))
                    .mount("page", "/site"))
            .volume(io.flotilla.api.core.Volume.configMap("page", "page"));

    @Workload
    static Service service = Service.named("web").selector("app", "web").port(80, 8080).nodePort().build();

    Cluster cluster;
    TestNamespace ns;
    Faults faults;

    @Test
    void theTopologyStartsInOrderAndAnswersThroughItsHostPort(StartupReport report) {
        assertThat(report.readyAfter("Deployment/web")).isGreaterThan(report.readyAfter("Job/migrate"));
        assertThat(cluster).deployment("web").hasAvailableReplicas(2);
        assertThat(cluster).service("web").eventually(WAIT).hasReadyEndpoints(2).isResolvable()
                .answersHttp("/", "hello from flotilla");
    }

    @Test
    void aKilledContainerHealsBehindTheSameUrl() {
        URI before = ns.hostUrl("web");
        Pod victim = cluster.client().pods().inNamespace(ns.name()).list().stream()
                .filter(p -> p.metadata().name().startsWith("web-")).findFirst().orElseThrow();

        faults.killContainer(ns.name(), victim.metadata().name(), "httpd");

        assertThat(cluster).pod(victim.metadata().name()).eventually(WAIT).hasRestartedAtLeast(1).isReady();
        assertThat(cluster).service("web").eventually(WAIT).hasReadyEndpoints(2).answersHttp("/", "hello");
        assertThat(ns.hostUrl("web")).isEqualTo(before);
    }
}
