package io.flotilla.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.batch.Job;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.Resource;
import io.flotilla.core.Cluster;
import io.flotilla.core.startup.StartupReport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shop's definition and its start-up graph, on simulated nodes: the order holds and everything gets Ready. */
class ThreeTierShopTest {
    private static final String NS = "shop-test";

    @Test
    void definesEveryTierInOnePlace() {
        List<Resource> resources = ThreeTierShop.resources(NS);

        assertThat(resources).extracting(r -> r.kind() + "/" + r.metadata().name()).containsExactly(
                "ConfigMap/shop-config", "Secret/shop-db", "Service/db", "Service/api", "Service/web",
                "StatefulSet/db", "Job/migrate", "Deployment/api", "Deployment/web");
        assertThat(resources).allMatch(r -> NS.equals(r.metadata().namespace()));
        assertThat(ThreeTierShop.web(NS, "v1").spec().replicas()).isEqualTo(3);
        assertThat(ThreeTierShop.api(NS).spec().replicas()).isEqualTo(2);
        assertThat(ThreeTierShop.db(NS).spec().volumeClaimTemplates()).hasSize(1);
        assertThat(resources.toString()).doesNotContain(ThreeTierShop.PASSWORD);
    }

    @Test
    void migrationCompletesBeforeApiStartsAndEverythingGetsReady() {
        try (ShopCluster shop = ShopCluster.simulated("shop-test")) {
            Cluster cluster = shop.cluster();
            StartupReport report = ThreeTierShop.start(cluster, NS, Duration.ofSeconds(60));

            assertThat(report.readyAfter("Job/migrate")).isGreaterThanOrEqualTo(report.readyAfter("StatefulSet/db"));
            assertThat(report.readyAfter("Deployment/api")).isGreaterThanOrEqualTo(report.readyAfter("Job/migrate"));
            assertThat(cluster.client().jobs().inNamespace(NS).get("migrate").map(Job::status)
                    .map(s -> s.succeeded())).contains(1);
            assertThat(cluster.client().deployments().inNamespace(NS).list())
                    .allMatch(d -> d.spec().replicas().equals(d.status().availableReplicas()), "all available");
            Instant migrated = completionTime(cluster);
            assertThat(pods(cluster, "api")).hasSize(2).allMatch(p -> !p.metadata().creationTimestamp()
                    .isBefore(migrated), "api pods created after the migration completed");
            assertThat(pods(cluster, "web")).hasSize(3).allMatch(Pod::isReady);
            assertThat(pods(cluster, "db")).singleElement().matches(Pod::isReady)
                    .extracting(p -> p.metadata().name()).isEqualTo("db-0");
        }
    }

    private static Instant completionTime(Cluster cluster) {
        // creationTimestamp has whole seconds, as in Kubernetes
        return cluster.client().jobs().inNamespace(NS).get("migrate").orElseThrow().status().completionTime()
                .truncatedTo(ChronoUnit.SECONDS);
    }

    private static List<Pod> pods(Cluster cluster, String app) {
        return cluster.client().pods().inNamespace(NS).list().stream()
                .filter(p -> app.equals(p.metadata().labels().get("app"))).toList();
    }
}
