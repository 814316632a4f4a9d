package io.flotilla.examples.crd;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Service;
import io.flotilla.core.Cluster;
import io.flotilla.core.ClusterBuilder;
import io.flotilla.examples.support.Await;
import io.flotilla.examples.support.Http;
import io.flotilla.runtime.docker.DockerRuntime;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import java.net.URI;
import java.time.Duration;

/**
 * A custom resource kind with its reconciler, end to end: register the kind and the controller, apply a
 * {@link Website} from YAML, and watch the reconciler build and report it; delete it and the garbage collector
 * removes what the reconciler made.
 *
 * <pre>{@code
 * Cluster cluster = Cluster.builder().customResource(Website.TYPE)...start();
 * cluster.controllers().controller("websites").forType(Website.TYPE).owns(Deployment.TYPE)
 *         .reconciler(new WebsiteReconciler(cluster.client()));
 * }</pre>
 */
public final class CustomResourceExample {
    /** The Website {@link #main} applies, as a user would write it. */
    public static final String HELLO_YAML = """
            apiVersion: example.flotilla.io/v1
            kind: Website
            metadata: {name: hello}
            spec: {replicas: 2, message: "hello from a custom resource"}
            """;

    private CustomResourceExample() {
    }

    /** Runs the example on the local Docker engine: the Website's page is served through its NodePort. */
    public static void main(String[] args) {
        TestImages.ensureBuilt(TestDocker.client());
        try (Cluster cluster = withWebsites(Cluster.builder().id("crd-example").node("local", DockerRuntime.local())
                .keepPersistentVolumesOnClose(false))) {
            cluster.applyYaml(HELLO_YAML);
            awaitAvailable(cluster, "hello", 2, Duration.ofSeconds(60));
            URI url = cluster.services().hostUrl("default", "hello");
            System.out.println("Website hello: status " + website(cluster, "hello").status() + ", GET " + url + " -> "
                    + Http.get(url));
            cluster.client().resources(Website.TYPE).delete("hello");
            Await.until("the garbage collector to remove hello's children", Duration.ofSeconds(30),
                    () -> childrenGone(cluster, "hello"));
            System.out.println("deleted Website hello: its ConfigMap, Deployment and Service went with it");
        }
    }

    /** Starts {@code builder}'s cluster serving the Website kind, with the reconciler registered. */
    public static Cluster withWebsites(ClusterBuilder builder) {
        Cluster cluster = builder.customResource(Website.TYPE).start();
        cluster.controllers().controller("websites").forType(Website.TYPE).owns(Deployment.TYPE)
                .reconciler(new WebsiteReconciler(cluster.client()));
        return cluster;
    }

    /** Waits until Website {@code name}'s status reports {@code replicas} available. */
    public static void awaitAvailable(Cluster cluster, String name, int replicas, Duration timeout) {
        Await.until("Website " + name + " to report " + replicas + " available replicas", timeout, () -> {
            Website site = website(cluster, name);
            return site.status() != null && Integer.valueOf(replicas).equals(site.status().availableReplicas());
        });
    }

    /** Whether the ConfigMap, Deployment and Service of Website {@code name} are gone. */
    public static boolean childrenGone(Cluster cluster, String name) {
        return cluster.client().resources(ConfigMap.TYPE).get(name + "-content").isEmpty()
                && cluster.client().resources(Deployment.TYPE).get(name).isEmpty()
                && cluster.client().resources(Service.TYPE).get(name).isEmpty();
    }

    private static Website website(Cluster cluster, String name) {
        return cluster.client().resources(Website.TYPE).get(name).orElseThrow();
    }
}
