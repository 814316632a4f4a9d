package io.flotilla.junit.internal;

import io.flotilla.core.Cluster;
import io.flotilla.core.ClusterBuilder;
import io.flotilla.core.node.NodeAgentConfig;
import io.flotilla.core.sim.Scenario;
import io.flotilla.junit.TestRuntime;
import io.flotilla.runtime.docker.DockerRuntime;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster started for tests, closed by JUnit when the store holding it closes: its id is {@code ft-<pid>-<hex>},
 * and on Docker a lease ties it to this JVM (see {@link Leases}), so a run after a crash removes it. The first
 * Docker cluster of a JVM sweeps the clusters of dead runs. Thread-safe.
 */
public final class ManagedCluster implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagedCluster.class);
    private static final AtomicBoolean SWEPT = new AtomicBoolean();
    private static final String DOCKER = "docker";

    private final Cluster cluster;
    private final Leases leases;

    private ManagedCluster(Cluster cluster, Leases leases) {
        this.cluster = cluster;
        this.leases = leases;
    }

    /**
     * Starts a cluster of {@code nodes} nodes on {@code runtime}; simulated nodes follow {@code scenario}.
     *
     * @throws IllegalArgumentException if {@code nodes} is not positive
     * @throws IllegalStateException    if the test images cannot be built
     */
    public static ManagedCluster start(TestRuntime runtime, int nodes, Scenario scenario) {
        if (nodes < 1) {
            throw new IllegalArgumentException("@FlotillaTest(nodes = " + nodes + "): a cluster needs a node");
        }
        String id = "ft-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(
                new SecureRandom().generateSeed(3));
        ClusterBuilder builder = Cluster.builder().id(id);
        if (runtime == TestRuntime.SIMULATED) {
            return new ManagedCluster(builder.simulatedNodes(nodes, scenario, NodeAgentConfig.defaults())
                    .start(), null);
        }
        TestImages.ensureBuilt(TestDocker.client());
        Leases leases = Leases.local();
        sweepOnce(leases);
        leases.acquire(id, DOCKER);
        for (int i = 1; i <= nodes; i++) {
            builder.node(nodes == 1 ? "node" : "node-" + i, DockerRuntime.local());
        }
        try {
            return new ManagedCluster(builder.keepPersistentVolumesOnClose(false).start(), leases);
        } catch (RuntimeException e) {
            leases.release(id);
            throw e;
        }
    }

    private static void sweepOnce(Leases leases) {
        if (SWEPT.compareAndSet(false, true)) {
            sweepDeadDockerClusters(leases);
        }
    }

    /**
     * Removes from the local Docker engine every test cluster whose owning JVM is dead (see {@link Leases}); done
     * automatically by the first Docker cluster a JVM starts.
     *
     * @return the ids of the clusters removed
     */
    public static java.util.List<String> sweepDeadDockerClusters(Leases leases) {
        return leases.sweep(DOCKER, id -> {
            try (DockerRuntime docker = DockerRuntime.local()) {
                DockerRuntime.Removed r = docker.cleanup(id);
                LOG.info("swept cluster {} of a dead test run: {}", id, r);
            }
        });
    }

    /** The cluster. */
    public Cluster cluster() {
        return cluster;
    }

    /** Closes the cluster (removing everything it created) and releases its lease. Idempotent. */
    @Override
    public void close() {
        try {
            cluster.close();
        } finally {
            if (leases != null) {
                leases.release(cluster.id());
            }
        }
    }
}
