package com.example.shop;

import static io.flotilla.junit.ClusterAssertions.assertThat;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.batch.Job;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Probe;
import io.flotilla.api.core.Secret;
import io.flotilla.api.core.Service;
import io.flotilla.api.core.Volume;
import io.flotilla.core.Cluster;
import io.flotilla.junit.FlotillaTest;
import io.flotilla.junit.Workload;
import io.flotilla.testkit.TestImages;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's three-tier test, as a new user's project has it. */
// README:start
@FlotillaTest                                   // a cluster on the local Docker engine, a namespace for this class
class ShopTest {
    static final String BUSYBOX = TestImages.BUSYBOX;   // flotilla-test/busybox:1, built locally: no registry

    @Workload static ConfigMap site = ConfigMap.named("site").data("index.html", "<h1>shop</h1>").build();
    @Workload static Secret password = Secret.named("db").stringData("password", "s3cr3t").build();

    @Workload static Service dbService = Service.named("db").selector("app", "db").port(5432, 5432).headless().build();
    @Workload static StatefulSet db = StatefulSet.named("db").replicas(1).serviceName("db")
            .container("db", c -> c.image(BUSYBOX).port(5432).mount("data", "/data")
                    .command("sh", "-c", "echo v1 > /data/schema && exec httpd -f -p 5432 -h /data")
                    .readiness(Probe.http("/schema", 5432)))
            .volumeClaimTemplate("data", pvc -> pvc.readWriteOnce().storage("64Mi"))
            .build();

    @Workload(dependsOn = "StatefulSet/db")              // runs once db-0 is Ready, reaches it by its DNS name
    static Job migrate = Job.named("migrate").restartPolicy("OnFailure").backoffLimit(3)
            .container("migrate", c -> c.image(BUSYBOX).command("wget", "-q", "-O-", "http://db-0.db:5432/schema"))
            .build();

    @Workload(dependsOn = "Job/migrate")                 // starts only after the migration completed
    static Deployment api = Deployment.named("api").replicas(2)
            .container("api", c -> c.image(BUSYBOX).port(8080)
                    .command("sh", "-c", "mkdir -p /www && echo '{\"ok\":true}' > /www/index.html"
                            + " && exec httpd -f -p 8080 -h /www")
                    .envFromSecret("DB_PASSWORD", "db", "password")
                    .readiness(Probe.http("/", 8080)))
            .build();
    @Workload static Service apiService = Service.named("api").selector("app", "api").port(80, 8080).build();

    @Workload static Deployment web = Deployment.named("web").replicas(3)
            .container("httpd", c -> c.image(BUSYBOX).port(8080).mount("site", "/www")
                    .command("httpd", "-f", "-p", "8080", "-h", "/www")
                    .readiness(Probe.http("/", 8080)))
            .volume(Volume.configMap("site"))
            .build();
    @Workload static Service webService = Service.named("web").selector("app", "web").port(80, 8080).nodePort().build();

    @Test
    void theShopIsUpAndServes(Cluster cluster) {   // runs when every workload above is Ready (or Completed)
        assertThat(cluster).statefulSet("db").hasReadyReplicas(1);
        assertThat(cluster).deployment("api").hasAvailableReplicas(2);
        assertThat(cluster).deployment("web").eventually(Duration.ofSeconds(30)).hasAvailableReplicas(3);
        assertThat(cluster).service("web").answersHttp("/", "<h1>shop</h1>");      // through 127.0.0.1:<nodePort>
        assertThat(cluster).service("api").isResolvable().answersHttp("/", "\"ok\":true");
    }
}
// README:end
