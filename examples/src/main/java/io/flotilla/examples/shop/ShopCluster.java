package io.flotilla.examples.shop;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.core.Cluster;
import io.flotilla.core.node.NodeAgentConfig;
import io.flotilla.core.sim.Scenario;
import io.flotilla.core.sim.SimBehavior;
import io.flotilla.runtime.docker.DockerRuntime;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A cluster ready for the {@link ThreeTierShop}: on Docker, or on simulated nodes for unit tests. On Docker the
 * cluster gets its own network and its DNS answers pods on that network's gateway, so {@code db-0.db} resolves in
 * every pod; {@link #close()} removes all of it.
 *
 * <p>Not thread-safe to close twice concurrently; {@link #cluster()} is the thread-safe {@link Cluster}.
 */
public final class ShopCluster implements AutoCloseable {
    private final Cluster cluster;
    private final DockerClient docker;

    private ShopCluster(Cluster cluster, DockerClient docker) {
        this.cluster = cluster;
        this.docker = docker;
    }

    /**
     * Starts a one-node cluster {@code id} on the local Docker engine (building the test images if needed).
     *
     * @throws IllegalArgumentException if {@code id} is not a DNS-1123 label
     */
    public static ShopCluster onDocker(String id) {
        Objects.requireNonNull(id, "id");
        DockerClient docker = TestDocker.client();
        TestImages.ensureBuilt(docker);
        Cluster cluster = Cluster.builder().id(id)
                .node("local", DockerRuntime.local().sandboxImage(TestImages.PAUSE))
                .keepPersistentVolumesOnClose(false)
                .start();
        return new ShopCluster(cluster, docker);
    }

    /**
     * Starts a cluster {@code id} of two simulated nodes on the system clock, whose containers behave like the
     * shop's: servers answer their readiness probes, {@code migrate} succeeds after a second.
     */
    public static ShopCluster simulated(String id) {
        return new ShopCluster(Cluster.builder().id(id)
                .simulatedNodes(2, scenario(), NodeAgentConfig.defaults()).start(), null);
    }

    /** The simulated behaviour of the shop's containers, by container name. */
    public static Scenario scenario() {
        return Scenario.create()
                .forContainer("web", SimBehavior.runsForever().serves(8080, "/", 200,
                        ThreeTierShop.PAGE.replace("@VERSION@", "v1")))
                .forContainer("api", SimBehavior.runsForever().serves(8080, "/", 200, "{\"service\":\"api\"}"))
                .forContainer("db", SimBehavior.runsForever().serves(5432, "/schema", 200, "v1"))
                .forContainer("migrate", SimBehavior.exitsAfter(Duration.ofSeconds(1), 0).prints("migrated to v1"));
    }

    /** The cluster; closed by {@link #close()}. */
    public Cluster cluster() {
        return cluster;
    }

    /** Whether the cluster runs real containers. */
    public boolean onDocker() {
        return docker != null;
    }

    /** Closes the cluster, removing every container, sandbox, volume and network it made. */
    @Override
    public void close() {
        cluster.close();
    }

    /**
     * What the cluster left in Docker after {@link #close()}: containers, networks and volumes labelled with its id,
     * one line each; empty on the simulated runtime.
     */
    public List<String> leftovers() {
        if (docker == null) {
            return List.of();
        }
        Map<String, String> label = RuntimeLabels.cluster(cluster.id());
        List<String> filter = label.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        List<String> left = new ArrayList<>();
        docker.listContainersCmd().withShowAll(true).withLabelFilter(label).exec()
                .forEach(c -> left.add("container " + String.join(",", c.getNames())));
        docker.listNetworksCmd().withFilter("label", filter).exec().forEach(n -> left.add("network " + n.getName()));
        List<InspectVolumeResponse> volumes = docker.listVolumesCmd().withFilter("label", filter).exec().getVolumes();
        if (volumes != null) {
            volumes.forEach(v -> left.add("volume " + v.getName()));
        }
        return left;
    }
}
