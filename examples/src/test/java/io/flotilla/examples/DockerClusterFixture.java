package io.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.flotilla.core.Cluster;
import io.flotilla.runtime.docker.DockerRuntime;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.TestInfo;

/**
 * One test's cluster on the local Docker engine, for the Docker ITs of this module: a cluster id made from the
 * test's name, leftovers of an earlier run purged before, and after the test the cluster closed, what it left
 * asserted empty and purged anyway. Also the bounded poll the ITs wait with. Not thread-safe: one per test.
 */
final class DockerClusterFixture {
    private final DockerClient docker;
    private final String id;
    private Cluster cluster;

    private DockerClusterFixture(DockerClient docker, String id) {
        this.docker = docker;
        this.id = id;
    }

    /** Builds the test images if needed and purges what an earlier run of this test left. */
    static DockerClusterFixture start(String prefix, TestInfo test) {
        DockerClient docker = TestDocker.client();
        TestImages.ensureBuilt(docker);
        String id = prefix + test.getTestMethod().orElseThrow().getName().toLowerCase()
                .replaceAll("[^a-z0-9]", "").substring(0, 12);
        DockerLeftovers.purge(docker, id);
        return new DockerClusterFixture(docker, id);
    }

    DockerClient docker() {
        return docker;
    }

    String id() {
        return id;
    }

    /** Starts the test's cluster: one node on the local engine, PVC volumes removed on close. */
    Cluster startCluster() {
        cluster = Cluster.builder().id(id).node("local", DockerRuntime.local())
                .keepPersistentVolumesOnClose(false).start();
        return cluster;
    }

    /** Closes the cluster and asserts it left nothing with its label; purges what it left either way. */
    void closeAndAssertNothingLeft() {
        DockerLeftovers left;
        try {
            if (cluster != null) {
                cluster.close();
            }
            left = DockerLeftovers.of(docker, id);
        } finally {
            DockerLeftovers.purge(docker, id);
        }
        assertThat(left.isEmpty()).as("left behind by cluster %s: %s", id, left).isTrue();
    }

    /** Polls {@code value} every 200 ms until it passes {@code done}, failing after {@code timeout}. */
    static <T> T await(String what, Duration timeout, Supplier<T> value, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = value.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
        AssertionError failure = new AssertionError(what + " not reached within " + timeout + "; last: " + last);
        if (lastError != null) {
            failure.addSuppressed(lastError);
        }
        throw failure;
    }
}
