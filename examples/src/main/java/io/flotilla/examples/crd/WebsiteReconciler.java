package io.flotilla.examples.crd;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Probe;
import io.flotilla.api.core.Service;
import io.flotilla.api.core.Volume;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.core.client.Client;
import io.flotilla.testkit.TestImages;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's controller for {@link Website}: level-triggered, so it only reads the Website named by the request and
 * converges — a ConfigMap {@code <name>-content} with the page, a Deployment {@code <name>} of busybox httpd serving
 * it, and a NodePort Service {@code <name>}, all controlled by the Website (the garbage collector removes them with
 * it); then the Website's {@code status.availableReplicas}. Safe to run twice; thread-safe (no state of its own).
 */
public final class WebsiteReconciler implements Reconciler {
    private final Client client;

    /** A reconciler writing through {@code client}. */
    public WebsiteReconciler(Client client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Result reconcile(Request request) {
        Optional<Website> found = client.resources(Website.TYPE).inNamespace(request.namespace()).get(request.name());
        if (found.isEmpty() || found.get().metadata().isDeleting()) {
            return Result.done(); // children go with it: they carry its ownerReference
        }
        Website site = found.get();
        String ns = site.metadata().namespace();
        String name = site.metadata().name();
        OwnerReference owner = OwnerReference.controlledBy(site);
        client.configMaps().apply(ConfigMap.named(name + "-content").namespace(ns).ownerReference(owner)
                .data("index.html", site.spec().message()).build());
        Deployment web = client.deployments().apply(Deployment.named(name).namespace(ns).ownerReference(owner)
                .replicas(site.spec().replicas()).podLabel("website", name).terminationGracePeriodSeconds(1L)
                .volume(Volume.configMap("content", name + "-content"))
                .container("httpd", c -> c.image(TestImages.BUSYBOX).command("httpd", "-f", "-p", "8080", "-h", "/www")
                        .port("http", 8080).mount("content", "/www").readiness(Probe.http("/", 8080).periodSeconds(1)))
                .build());
        client.services().apply(Service.named(name).namespace(ns).ownerReference(owner).selector("website", name)
                .port("http", 80, 8080).nodePort().build());
        Integer available = web.status() == null || web.status().availableReplicas() == null ? 0
                : web.status().availableReplicas();
        if (site.status() == null || !available.equals(site.status().availableReplicas())) {
            client.resources(Website.TYPE).inNamespace(ns).updateStatus(name,
                    current -> current.withStatus(new Website.Status(available)));
        }
        return Result.done();
    }
}
