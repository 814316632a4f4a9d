package io.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.core.Cluster;
import io.flotilla.core.ClusterBuilder;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.TestInfo;

/**
 * One test's cluster on one real runtime ({@link TestRuntime}): a cluster id made from the test's name and the
 * runtime, the test images made available and leftovers of an earlier run purged before; after the test the
 * cluster closed, what it left asserted empty and purged anyway. {@link #runtime()} is the fixture's own connection
 * to the runtime, for looking at (and killing) what the cluster runs. Also the bounded poll the ITs wait with.
 * Not thread-safe: one per test.
 */
final class RuntimeClusterFixture {
    private final TestRuntime kind;
    private final ContainerRuntime runtime;
    private final String id;
    private Cluster cluster;

    private RuntimeClusterFixture(TestRuntime kind, ContainerRuntime runtime, String id) {
        this.kind = kind;
        this.runtime = runtime;
        this.id = id;
    }

    /**
     * Connects to {@code kind}, makes the test images available and purges what an earlier run of this test left.
     * The id is {@code prefix}, the runtime's {@link TestRuntime#idTag()} and the first 12 letters and digits of the
     * test method's name.
     */
    static RuntimeClusterFixture start(TestRuntime kind, String prefix, TestInfo test) {
        String id = prefix + kind.idTag() + test.getTestMethod().orElseThrow().getName().toLowerCase()
                .replaceAll("[^a-z0-9]", "").substring(0, 12);
        ContainerRuntime runtime = kind.connect(id);
        try {
            kind.ensureImages(runtime);
            RuntimeLeftovers.purge(kind, runtime, id);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        return new RuntimeClusterFixture(kind, runtime, id);
    }

    /** Which runtime the test runs on. */
    TestRuntime kind() {
        return kind;
    }

    /** The fixture's own connection to the runtime; closed by {@link #closeAndAssertNothingLeft()}. */
    ContainerRuntime runtime() {
        return runtime;
    }

    /** The cluster id. */
    String id() {
        return id;
    }

    /** Starts the test's cluster: one node on the runtime, PVC volumes removed on close. */
    Cluster startCluster() {
        return startCluster(builder().keepPersistentVolumesOnClose(false));
    }

    /** A builder for the test's cluster: its id and one node named {@code local} on the runtime. */
    ClusterBuilder builder() {
        return Cluster.builder().id(id).node("local", kind.connect(id));
    }

    /** Starts (and remembers, to close it after the test) the cluster {@code builder} describes. */
    Cluster startCluster(ClusterBuilder builder) {
        cluster = builder.start();
        return cluster;
    }

    /** What the cluster has left in the runtime right now. */
    RuntimeLeftovers leftovers() {
        return RuntimeLeftovers.of(kind, runtime, id);
    }

    /** Purges what the cluster left in the runtime. */
    void purge() {
        RuntimeLeftovers.purge(kind, runtime, id);
    }

    /** Sends SIGKILL to the process of container {@code containerId} behind the cluster's back. */
    void kill(String containerId) {
        kind.kill(containerId);
    }

    /**
     * Closes the cluster and asserts it left nothing with its label; purges what it left either way and closes the
     * fixture's connection.
     */
    void closeAndAssertNothingLeft() {
        RuntimeLeftovers left;
        try {
            if (cluster != null) {
                cluster.close();
            }
            left = leftovers();
        } finally {
            try {
                purge();
            } finally {
                runtime.close();
            }
        }
        assertThat(left.isEmpty()).as("left behind by cluster %s on %s: %s", id, kind, left).isTrue();
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
