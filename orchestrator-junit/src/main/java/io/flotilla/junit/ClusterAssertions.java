package io.flotilla.junit;

import io.flotilla.core.Cluster;
import java.util.Objects;

/**
 * The entry point of the AssertJ-style assertions on cluster state:
 *
 * <pre>{@code
 * import static io.flotilla.junit.ClusterAssertions.assertThat;
 *
 * assertThat(cluster).deployment("web").eventually(Duration.ofSeconds(20)).hasAvailableReplicas(3);
 * assertThat(cluster).service("web").eventually(Duration.ofSeconds(10)).isResolvable().answersHttp("/");
 * assertThat(cluster).inNamespace("other").pod("db-0").isReady();
 * assertThat(cluster).events().contains("Killing");
 * }</pre>
 *
 * <p>Inside a {@link FlotillaTest} the namespace is the test class's; elsewhere {@code default}. Thread-safe.
 */
public final class ClusterAssertions {
    private ClusterAssertions() {
    }

    /** Assertions on {@code cluster}, in the current test class's namespace (else {@code default}). */
    public static ClusterAssert assertThat(Cluster cluster) {
        Objects.requireNonNull(cluster, "cluster");
        return new ClusterAssert(cluster, CurrentNamespace.of(cluster));
    }

    /** Assertions on the namespace {@code namespace}. */
    public static ClusterAssert assertThat(TestNamespace namespace) {
        return new ClusterAssert(namespace.cluster(), namespace.name());
    }
}
