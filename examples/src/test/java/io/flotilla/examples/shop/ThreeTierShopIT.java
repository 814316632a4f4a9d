package io.flotilla.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.Cluster;
import io.flotilla.core.startup.StartupReport;
import io.flotilla.examples.support.Http;
import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The three-tier shop on real Docker: started by its plan, the migration reaches {@code db-0.db} through the
 * cluster DNS and writes the schema onto the db's volume, api reports it (and only that the password is set), web
 * answers on the NodePort from all three replicas, and closing leaves nothing behind.
 */
@RequiresRuntime(Runtimes.DOCKER)
class ThreeTierShopIT {
    private static final String NS = ThreeTierShop.NAMESPACE;

    @Test
    void startsInOrderAnswersThroughItsServicesAndLeavesNothing() {
        ShopCluster shop = ShopCluster.onDocker("shop-it");
        try (shop) {
            Cluster cluster = shop.cluster();
            StartupReport report = ThreeTierShop.start(cluster, NS, Duration.ofSeconds(120));
            System.out.println(report);

            assertThat(report.readyAfter("Deployment/api")).isGreaterThanOrEqualTo(report.readyAfter("Job/migrate"));
            assertThat(cluster.pod(NS, "db-0").exec("db", "cat", "/data/schema").stdout().trim()).isEqualTo("v1");
            String api = Http.get(cluster.services().hostUrl(NS, "api"));
            assertThat(api).contains("\"schema\":\"v1\"", "\"passwordSet\":true", "\"db\":\"db-0.db\"",
                    "welcome to the Flotilla shop").doesNotContain(ThreeTierShop.PASSWORD);
            URI web = cluster.services().hostUrl(NS, "web");
            Set<String> pages = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                pages.add(Http.get(web));
            }
            assertThat(pages).containsExactly("<h1>Flotilla shop</h1><p>web v1</p>");
            assertThat(web.getHost()).isEqualTo("127.0.0.1");
        }
        assertThat(shop.leftovers()).isEmpty();
    }
}
