package io.flotilla.examples;

import com.github.dockerjava.api.DockerClient;
import io.flotilla.core.Cluster;
import io.flotilla.testkit.TestDocker;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.TestInfo;

/**
 * One test's cluster on the local Docker engine, for the Docker-only ITs of this module: a
 * {@link RuntimeClusterFixture} on {@link TestRuntime#DOCKER} plus the shared docker-java client. Not thread-safe:
 * one per test.
 */
final class DockerClusterFixture {
    private final RuntimeClusterFixture fixture;

    private DockerClusterFixture(RuntimeClusterFixture fixture) {
        this.fixture = fixture;
    }

    /** Builds the test images if needed and purges what an earlier run of this test left. */
    static DockerClusterFixture start(String prefix, TestInfo test) {
        return new DockerClusterFixture(RuntimeClusterFixture.start(TestRuntime.DOCKER, prefix, test));
    }

    /** The shared client of the local engine. */
    DockerClient docker() {
        return TestDocker.client();
    }

    /** The cluster id. */
    String id() {
        return fixture.id();
    }

    /** Starts the test's cluster: one node on the local engine, PVC volumes removed on close. */
    Cluster startCluster() {
        return fixture.startCluster();
    }

    /** Closes the cluster and asserts it left nothing with its label; purges what it left either way. */
    void closeAndAssertNothingLeft() {
        fixture.closeAndAssertNothingLeft();
    }

    /** Polls {@code value} every 200 ms until it passes {@code done}, failing after {@code timeout}. */
    static <T> T await(String what, Duration timeout, Supplier<T> value, Predicate<T> done) {
        return RuntimeClusterFixture.await(what, timeout, value, done);
    }
}
