package io.flotilla.junit;

import io.flotilla.api.meta.Buildable;
import io.flotilla.api.meta.Resource;
import io.flotilla.core.Cluster;
import io.flotilla.core.diagnostics.ClusterReport;
import io.flotilla.core.node.PodOperations;
import java.net.URI;
import java.util.Objects;

/**
 * The namespace a {@link FlotillaTest} class runs in, with shortcuts into it; injected like
 * {@link io.flotilla.core.Cluster}:
 *
 * <pre>{@code
 * @Test
 * void answers(TestNamespace ns) throws Exception {
 *     URI web = ns.hostUrl("web");                    // http://127.0.0.1:3xxxx
 *     ns.apply(ConfigMap.named("extra").data("k", "v"));
 *     String log = ns.pod("web-0").logs("httpd");
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; arguments must not be {@code null}.
 */
public final class TestNamespace {
    private final Cluster cluster;
    private final String name;

    TestNamespace(Cluster cluster, String name) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The namespace's name, such as {@code t-shoptest-x7k2p}. */
    public String name() {
        return name;
    }

    /** The cluster the namespace lives in. */
    public Cluster cluster() {
        return cluster;
    }

    /**
     * Applies {@code resource} into this namespace (unless it names one of its own), like {@code kubectl apply -n}.
     *
     * @return the stored object
     */
    @SuppressWarnings("unchecked")
    public <T extends Resource> T apply(T resource) {
        Objects.requireNonNull(resource, "resource");
        String own = resource.metadata().namespace();
        if (resource.type().namespaced() && (own == null || own.isEmpty())) {
            return cluster.apply((T) resource.withMetadata(resource.metadata().withNamespace(name)));
        }
        return cluster.apply(resource);
    }

    /** Builds and applies an object; see {@link #apply(Resource)}. */
    public <T extends Resource> T apply(Buildable<T> builder) {
        return apply(Objects.requireNonNull(builder, "builder").build());
    }

    /**
     * The host URL of Service {@code service}'s first port: its node port, or a port opened on demand.
     *
     * @throws java.util.NoSuchElementException if there is no such Service
     */
    public URI hostUrl(String service) {
        return cluster.services().hostUrl(name, service);
    }

    /** Logs and exec for pod {@code pod} of this namespace. */
    public PodOperations pod(String pod) {
        return cluster.pod(name, pod);
    }

    /** A report on this namespace: pod and workload tables, events, failing containers' logs. */
    public ClusterReport report() {
        return ClusterReport.of(cluster, name);
    }

    @Override
    public String toString() {
        return "TestNamespace[" + name + " in cluster " + cluster.id() + "]";
    }
}
