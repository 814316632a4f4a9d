package io.flotilla.examples.shop;

import static io.flotilla.api.apps.Rollout.maxSurge;
import static io.flotilla.api.apps.Rollout.maxUnavailable;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.batch.Job;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Namespace;
import io.flotilla.api.core.Probe;
import io.flotilla.api.core.Secret;
import io.flotilla.api.core.Service;
import io.flotilla.api.core.Volume;
import io.flotilla.api.meta.Resource;
import io.flotilla.core.Cluster;
import io.flotilla.core.diagnostics.ClusterReport;
import io.flotilla.core.startup.StartupPlan;
import io.flotilla.core.startup.StartupReport;
import io.flotilla.examples.support.Http;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A three-tier shop, the example the demo, the tests and the start-up benchmark share: {@code web} (busybox httpd
 * ×3 behind a NodePort Service, its page from a ConfigMap), {@code api} (httpd ×2 answering JSON built from the
 * ConfigMap and the Secret, which it never prints), {@code db} (a StatefulSet of one with a volume claim, behind the
 * headless Service {@code db}), and a migration Job {@code migrate} that writes the schema version to
 * {@code db-0.db} and must complete before {@code api} starts.
 *
 * <pre>{@code
 * try (ShopCluster shop = ShopCluster.onDocker("my-shop")) {
 *     StartupReport report = ThreeTierShop.start(shop.cluster(), "shop", Duration.ofMinutes(2));
 *     URI web = shop.cluster().services().hostUrl("shop", "web");          // http://127.0.0.1:3xxxx
 * }
 * }</pre>
 *
 * <p>The start-up order is the {@link StartupPlan}'s: ConfigMap, Secret, Services, {@code db} and {@code web} start
 * at once; {@code migrate} when {@code db} is Ready; {@code api} when {@code migrate} has Completed. Readiness probes
 * make "Ready" mean "answering". Stateless and thread-safe: every method returns new objects.
 */
public final class ThreeTierShop {
    /** The namespace {@link #main} and the demo use. */
    public static final String NAMESPACE = "shop";
    /** The Secret's password; tests assert it is never printed. */
    static final String PASSWORD = "s3cr3t-never-printed";
    /** The page template of {@code web}; {@code @VERSION@} becomes the container's {@code VERSION}. */
    static final String PAGE = "<h1>Flotilla shop</h1><p>web @VERSION@</p>";

    private static final String WEB = """
            mkdir -p /www && sed "s/@VERSION@/$VERSION/" /site/index.html > /www/index.html \
            && exec httpd -f -p 8080 -h /www""";
    private static final String API = """
            mkdir -p /www; schema=$(wget -q -O - http://$DB_HOST:5432/schema); secret=false; \
            [ -n "$DB_PASSWORD" ] && secret=true; \
            printf '{"service":"api","greeting":"%s","db":"%s","schema":"%s","passwordSet":%s}\\n' \
            "$GREETING" "$DB_HOST" "$schema" "$secret" > /www/index.html && exec httpd -f -p 8080 -h /www""";
    /** The db keeps {@code /data/schema} on its claim; the CGI {@code migrate} writes it. */
    private static final String DB = """
            mkdir -p /data/cgi-bin; [ -f /data/schema ] || echo none > /data/schema; \
            printf '#!/bin/sh\\necho Content-Type: text/plain\\necho\\necho v1 > /data/schema\\necho migrated to v1\\n'\
            > /data/cgi-bin/migrate && chmod +x /data/cgi-bin/migrate && exec httpd -f -p 5432 -h /data""";
    private static final String MIGRATE = "wget -q -O - http://$DB_HOST:5432/cgi-bin/migrate";

    private ThreeTierShop() {
    }

    /**
     * Starts the shop on the local Docker engine (simulated nodes if none answers), prints when each part was Ready
     * and the status tables, asks web and api for a page on Docker, and tears everything down.
     */
    public static void main(String[] args) {
        boolean docker = TestDocker.answers();
        try (ShopCluster shop = docker ? ShopCluster.onDocker("three-tier-shop")
                : ShopCluster.simulated("three-tier-shop")) {
            Cluster cluster = shop.cluster();
            System.out.print(start(cluster, NAMESPACE, Duration.ofMinutes(2)));
            ClusterReport report = ClusterReport.of(cluster, NAMESPACE);
            System.out.print(report.workloadTable() + "\n" + report.podTable());
            if (docker) {
                System.out.println("web: " + Http.get(cluster.services().hostUrl(NAMESPACE, "web")));
                System.out.println("api: " + Http.get(cluster.services().hostUrl(NAMESPACE, "api")));
            }
        }
    }

    /**
     * Every object of the shop in namespace {@code namespace}, web at version {@code v1}, in an order that applies
     * as is: configuration, Services, {@code db}, {@code migrate}, {@code api}, {@code web}. The Namespace object
     * itself is not included (see {@link #namespace}).
     *
     * @throws NullPointerException if {@code namespace} is {@code null}
     */
    public static List<Resource> resources(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return List.of(config(namespace), secret(namespace), dbService(namespace), apiService(namespace),
                webService(namespace), db(namespace), migrate(namespace), api(namespace), web(namespace, "v1"));
    }

    /**
     * The start-up graph of {@link #resources}: everything in parallel except {@code migrate} (after
     * {@code StatefulSet/db} is Ready) and {@code api} (after {@code Job/migrate} has Completed).
     *
     * @param timeout how long {@link StartupPlan#run} may take in all
     */
    public static StartupPlan plan(String namespace, Duration timeout) {
        StartupPlan.Builder plan = StartupPlan.builder().timeout(timeout);
        for (Resource r : resources(namespace)) {
            String name = r.metadata().name();
            if (r instanceof Job) {
                plan.resource(r, "StatefulSet/db");
            } else if (r instanceof Deployment && name.equals("api")) {
                plan.resource(r, "Job/migrate");
            } else {
                plan.resource(r);
            }
        }
        return plan.build();
    }

    /** The Namespace {@code name}, to apply before the plan runs. */
    public static Namespace namespace(String name) {
        return Namespace.named(name).label("app.kubernetes.io/part-of", "shop").build();
    }

    /**
     * Applies the namespace and runs the plan on {@code cluster}: returns when every workload is Ready (or the Job
     * Completed).
     *
     * @throws io.flotilla.core.startup.StartupFailedException naming the workload that cannot start, with its events
     *                                                         and logs
     */
    public static StartupReport start(Cluster cluster, String namespace, Duration timeout) {
        cluster.apply(namespace(namespace));
        return plan(namespace, timeout).run(cluster, namespace);
    }

    /** The ConfigMap {@code shop-config}: the page template, the greeting and the db's host name. */
    public static ConfigMap config(String namespace) {
        return ConfigMap.named("shop-config").namespace(namespace)
                .data(Map.of("index.html", PAGE, "GREETING", "welcome to the Flotilla shop", "DB_HOST", "db-0.db"))
                .build();
    }

    /** The Secret {@code shop-db}: the database password, given to {@code api} as {@code DB_PASSWORD}. */
    public static Secret secret(String namespace) {
        return Secret.named("shop-db").namespace(namespace).stringData("password", PASSWORD).build();
    }

    /** The headless Service {@code db}: gives {@code db-0} its DNS name {@code db-0.db}. */
    public static Service dbService(String namespace) {
        return Service.named("db").namespace(namespace).selector("app", "db").port("db", 5432, 5432).headless()
                .build();
    }

    /** The ClusterIP Service {@code api} on port 80. */
    public static Service apiService(String namespace) {
        return Service.named("api").namespace(namespace).selector("app", "api").port("http", 80, 8080).build();
    }

    /** The NodePort Service {@code web} on port 80: reachable from the host on 127.0.0.1. */
    public static Service webService(String namespace) {
        return Service.named("web").namespace(namespace).selector("app", "web").port("http", 80, 8080).nodePort()
                .build();
    }

    /** The StatefulSet {@code db}: one httpd keeping {@code /data/schema} on the claim {@code data-db-0}. */
    public static StatefulSet db(String namespace) {
        return StatefulSet.named("db").namespace(namespace).replicas(1).serviceName("db")
                .podLabel("app", "db").podLabel("tier", "data").terminationGracePeriodSeconds(1L)
                .container("db", c -> c.image(TestImages.BUSYBOX).command("sh", "-c", DB).port("db", 5432)
                        .mount("data", "/data").readiness(Probe.http("/schema", 5432).periodSeconds(1)))
                .volumeClaimTemplate("data", pvc -> pvc.readWriteOnce().storage("64Mi"))
                .build();
    }

    /** The Job {@code migrate}: asks {@code db-0.db} to write schema v1; retried while the db cannot be reached. */
    public static Job migrate(String namespace) {
        return Job.named("migrate").namespace(namespace).backoffLimit(6).restartPolicy("OnFailure")
                .podLabel("app", "migrate")
                .container("migrate", c -> c.image(TestImages.BUSYBOX).command("sh", "-c", MIGRATE)
                        .envFromConfigMap("DB_HOST", "shop-config", "DB_HOST"))
                .build();
    }

    /** The Deployment {@code api} ×2: JSON built from the ConfigMap, the Secret (never printed) and the db. */
    public static Deployment api(String namespace) {
        return Deployment.named("api").namespace(namespace).replicas(2)
                .podLabel("app", "api").podLabel("tier", "backend").terminationGracePeriodSeconds(1L)
                .container("api", c -> c.image(TestImages.BUSYBOX).command("sh", "-c", API).port("http", 8080)
                        .envFromConfigMap("GREETING", "shop-config", "GREETING")
                        .envFromConfigMap("DB_HOST", "shop-config", "DB_HOST")
                        .envFromSecret("DB_PASSWORD", "shop-db", "password")
                        .readiness(Probe.http("/", 8080).periodSeconds(1)))
                .build();
    }

    /**
     * The Deployment {@code web} ×3 at {@code version}: serves the ConfigMap's page with the version filled in;
     * rolls one pod at a time with none unavailable (maxSurge 1, maxUnavailable 0).
     */
    public static Deployment web(String namespace, String version) {
        return Deployment.named("web").namespace(namespace).replicas(3)
                .podLabel("app", "web").podLabel("tier", "frontend")
                .rollingUpdate(maxSurge(1), maxUnavailable(0)).terminationGracePeriodSeconds(1L)
                .volume(Volume.configMap("site", "shop-config"))
                .container("web", c -> c.image(TestImages.BUSYBOX).command("sh", "-c", WEB).port("http", 8080)
                        .env("VERSION", version).mountReadOnly("site", "/site")
                        .readiness(Probe.http("/", 8080).periodSeconds(1)))
                .build();
    }
}
