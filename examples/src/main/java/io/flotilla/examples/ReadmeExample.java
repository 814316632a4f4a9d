package io.flotilla.examples;

import static io.flotilla.api.apps.Rollout.maxSurge;
import static io.flotilla.api.apps.Rollout.maxUnavailable;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Probe;
import io.flotilla.api.core.Service;
import io.flotilla.api.core.Volume;
import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.meta.Resource;
import java.util.List;

/**
 * The README's "Declaring resources" example, verbatim between the markers: {@code ReadmeExampleTest} fails when
 * the README and this file disagree, so the README's code always compiles against the real API.
 */
public final class ReadmeExample {
    private ReadmeExample() {
    }

    /** Runs the example and returns the YAML it writes. */
    public static String run() {
        // README:start
        ConfigMap site = ConfigMap.named("site").data("index.html", "<h1>hello</h1>").build();

        Deployment web = Deployment.named("web")
                .replicas(3)
                .container("httpd", c -> c.image("nginx:1.27").port(80)
                        .readiness(Probe.http("/", 80))
                        .mount("site", "/usr/share/nginx/html")
                        .resources(r -> r.cpu("250m").memory("64Mi")))
                .volume(Volume.configMap("site"))
                .rollingUpdate(maxSurge(1), maxUnavailable(0))
                .build();

        Service service = Service.named("web").selector("app", "web").port(80).nodePort().build();

        // Plain Kubernetes manifests load into the same records, and write back as YAML kubectl accepts.
        List<Resource> loaded = Manifests.strict().read(String.join("\n",
                "apiVersion: v1",
                "kind: ConfigMap",
                "metadata:",
                "  name: site",
                "data:",
                "  index.html: <h1>hello</h1>"));
        assert loaded.equals(List.of(site));
        String yaml = Manifests.strict().toYaml(List.of(site, web, service));
        // README:end
        if (!loaded.equals(List.of(site))) {
            throw new AssertionError("the manifest and the builder disagree");
        }
        return yaml;
    }
}
