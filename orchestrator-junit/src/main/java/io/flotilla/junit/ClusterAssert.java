package io.flotilla.junit;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.core.Cluster;
import java.util.Objects;

/**
 * Assertions on one namespace of a cluster; obtained from {@link ClusterAssertions#assertThat(Cluster)}. Each
 * method returns an assertion on one object, which looks the object up on every check (so it may not exist yet).
 * Immutable and thread-safe.
 */
public final class ClusterAssert {
    private final Cluster cluster;
    private final String namespace;

    ClusterAssert(Cluster cluster, String namespace) {
        this.cluster = cluster;
        this.namespace = namespace;
    }

    /** The same assertions in namespace {@code namespace}. */
    public ClusterAssert inNamespace(String namespace) {
        return new ClusterAssert(cluster, Objects.requireNonNull(namespace, "namespace"));
    }

    /** The namespace asserted on. */
    public String namespace() {
        return namespace;
    }

    /** Assertions on Deployment {@code name}. */
    public WorkloadAssert deployment(String name) {
        return new WorkloadAssert(cluster, namespace, Deployment.TYPE, Objects.requireNonNull(name, "name"));
    }

    /** Assertions on StatefulSet {@code name}. */
    public WorkloadAssert statefulSet(String name) {
        return new WorkloadAssert(cluster, namespace, StatefulSet.TYPE, Objects.requireNonNull(name, "name"));
    }

    /** Assertions on Pod {@code name}. */
    public PodAssert pod(String name) {
        return new PodAssert(cluster, namespace, Objects.requireNonNull(name, "name"));
    }

    /** Assertions on Service {@code name}: endpoints, DNS, HTTP through its host URL. */
    public ServiceAssert service(String name) {
        return new ServiceAssert(cluster, namespace, Objects.requireNonNull(name, "name"));
    }

    /** Assertions on the namespace's events. */
    public EventsAssert events() {
        return new EventsAssert(cluster, namespace);
    }
}
