package io.flotilla.examples;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.manifest.ManifestException;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.api.meta.Resource;
import io.flotilla.core.Cluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * What {@code scripts/demo} runs: an embedded control plane taking a Kubernetes manifest, defaulting and validating
 * it, running a user reconciler fed by watches, and garbage-collecting what that reconciler owned.
 */
public final class Demo {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final PrintStream out;

    Demo(PrintStream out) {
        this.out = out;
    }

    /** Runs the demo, printing to standard output; exits non-zero if a step does not converge. */
    public static void main(String[] args) throws Exception {
        new Demo(System.out).run();
    }

    void run() throws IOException, InterruptedException {
        out.println("Flotilla demo: an embedded control plane (in-process store, API layer, informers, controllers)");
        out.println("Runtime: none yet. Node agents and the Docker/containerd runtimes are the next issues; "
                + "until they land the demo starts no containers.");
        try (Cluster cluster = Cluster.builder().id("demo").start()) {
            applyShop(cluster);
            refuseBadManifest(cluster);
            runReconciler(cluster);
        }
        out.println("\nDone: everything the demo created was removed with the cluster.");
    }

    private void applyShop(Cluster cluster) throws IOException {
        out.println("\n1. Applying demo/shop.yaml (plain Kubernetes YAML):");
        List<Resource> applied;
        try (InputStream in = Demo.class.getResourceAsStream("/demo/shop.yaml")) {
            applied = cluster.applyYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        out.printf("   %-12s %-10s %-6s %s%n", "KIND", "NAMESPACE", "NAME", "RESOURCE VERSION");
        for (Resource r : applied) {
            out.printf("   %-12s %-10s %-6s %s%n", r.kind(), r.metadata().namespace() == null ? "-"
                    : r.metadata().namespace(), r.metadata().name(), r.metadata().resourceVersion());
        }
        Deployment web = cluster.client().deployments().inNamespace("shop").get("web").orElseThrow();
        out.println("   Defaults the API layer filled in, as Kubernetes would: strategy "
                + web.spec().strategy().type() + " (maxSurge " + web.spec().strategy().rollingUpdate().maxSurge()
                + ", maxUnavailable " + web.spec().strategy().rollingUpdate().maxUnavailable()
                + "), revisionHistoryLimit " + web.spec().revisionHistoryLimit()
                + ", imagePullPolicy " + web.spec().template().spec().containers().get(0).imagePullPolicy());
        out.println("   The Secret prints as " + cluster.client().secrets().inNamespace("shop").get("db").orElseThrow());
    }

    private void refuseBadManifest(Cluster cluster) {
        out.println("\n2. A broken manifest is refused whole, every problem named:");
        try {
            cluster.applyYaml("""
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: api, namespace: shop}
                    spec:
                      replicas: -1
                      selector: {matchLabels: {app: api}}
                      template:
                        metadata: {labels: {app: other}}
                        spec:
                          containers:
                            - {name: api, image: api:1, ports: [{containerPort: 70000}]}
                    """);
            throw new IllegalStateException("the broken manifest was accepted");
        } catch (ManifestException e) {
            e.errors().forEach(error -> out.println("   " + error));
        }
    }

    private void runReconciler(Cluster cluster) throws InterruptedException {
        out.println("\n3. A user reconciler (ConfigMap -> an upper-cased copy it owns), fed by watches:");
        cluster.controllers().controller("shouter").forType(ConfigMap.TYPE).reconciler(request -> {
            cluster.client().configMaps().inNamespace(request.namespace()).get(request.name())
                    .filter(cm -> !cm.metadata().name().endsWith("-loud") && cm.data().containsKey("text"))
                    .ifPresent(cm -> cluster.client().configMaps().apply(ConfigMap.named(cm.metadata().name() + "-loud")
                            .namespace(cm.metadata().namespace())
                            .ownerReference(OwnerReference.controlledBy(cm))
                            .data("text", cm.data().get("text").toUpperCase(Locale.ROOT)).build()));
            return Result.done();
        });
        cluster.apply(ConfigMap.named("greeting").namespace("shop").data("text", "hello, flotilla"));
        await("the reconciler to write greeting-loud", () -> loud(cluster) != null);
        out.println("   greeting-loud: " + loud(cluster).data().get("text"));
        cluster.client().configMaps().inNamespace("shop").delete("greeting");
        await("the garbage collector to remove greeting-loud", () -> loud(cluster) == null);
        out.println("   deleted greeting: the garbage collector removed greeting-loud (ownerReferences)");
    }

    private static ConfigMap loud(Cluster cluster) {
        return cluster.client().configMaps().inNamespace("shop").get("greeting-loud").orElse(null);
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + WAIT + " waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
