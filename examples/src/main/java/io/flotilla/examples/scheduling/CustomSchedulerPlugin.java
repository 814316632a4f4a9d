package io.flotilla.examples.scheduling;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.Pod;
import io.flotilla.core.Cluster;
import io.flotilla.core.ClusterBuilder;
import io.flotilla.core.node.NodeAgentConfig;
import io.flotilla.core.scheduler.Scheduling;
import io.flotilla.core.sim.SimulatedRuntime;
import io.flotilla.core.time.Clock;
import io.flotilla.examples.support.Await;
import io.flotilla.testkit.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A custom scheduler plugin at work: three simulated nodes, {@code rack-b} labelled {@code maintenance=true}, and
 * the default spread profile plus the user's {@link AvoidMaintenance} filter. Six replicas land on {@code rack-a}
 * and {@code rack-c} only; without the plugin they spread over all three.
 *
 * <pre>{@code
 * Cluster.builder()
 *     .schedulerPlugin(AvoidMaintenance.NAME, (args, handle) -> new AvoidMaintenance())
 *     .scheduling(Scheduling.spread().toBuilder().plugin(AvoidMaintenance.NAME).build())
 * }</pre>
 */
public final class CustomSchedulerPlugin {
    /** The nodes of the example; {@code rack-b} is under maintenance. */
    public static final List<String> NODES = List.of("rack-a", "rack-b", "rack-c");

    private CustomSchedulerPlugin() {
    }

    /** Places the example's Deployment with the plugin and prints where each replica went. */
    public static void main(String[] args) {
        try (Cluster cluster = cluster(Clock.system(), true)) {
            Map<String, Long> placement = placeReplicas(cluster, 6);
            System.out.println("replicas per node with AvoidMaintenance (rack-b has maintenance=true): " + placement);
        }
    }

    /**
     * Starts a cluster of the three simulated nodes on {@code clock}, with the plugin enabled or not.
     *
     * @param withPlugin whether the default profile also runs {@link AvoidMaintenance}
     */
    public static Cluster cluster(Clock clock, boolean withPlugin) {
        ClusterBuilder builder = Cluster.builder().id(withPlugin ? "scheduler-plugin" : "scheduler-default")
                .clock(clock);
        for (int i = 0; i < NODES.size(); i++) {
            String name = NODES.get(i);
            NodeAgentConfig config = name.equals("rack-b")
                    ? NodeAgentConfig.defaults().withLabel(AvoidMaintenance.LABEL, "true") : NodeAgentConfig.defaults();
            builder.node(name, SimulatedRuntime.builder(clock).nodeName(name).podCidr("10.200." + i + ".0/24")
                    .build(), config);
        }
        if (withPlugin) {
            builder.schedulerPlugin(AvoidMaintenance.NAME, (args, handle) -> new AvoidMaintenance())
                    .scheduling(Scheduling.spread().toBuilder().plugin(AvoidMaintenance.NAME).build());
        }
        return builder.start();
    }

    /**
     * Applies a Deployment of {@code replicas} and waits (10 s at most) until every replica has a node.
     *
     * @return how many replicas each node got, by node name
     */
    public static Map<String, Long> placeReplicas(Cluster cluster, int replicas) {
        cluster.apply(Deployment.named("batch").replicas(replicas)
                .container("work", c -> c.image(TestImages.BUSYBOX).command("sleep", "3600")
                        .resources(r -> r.cpu("100m").memory("32Mi"))));
        Await.until(replicas + " scheduled replicas", Duration.ofSeconds(10), () -> placed(cluster).size() == replicas);
        return placed(cluster).stream().collect(Collectors.groupingBy(p -> p.spec().nodeName(), TreeMap::new,
                Collectors.counting()));
    }

    private static List<Pod> placed(Cluster cluster) {
        return cluster.client().pods().list().stream().filter(p -> p.spec().nodeName() != null).toList();
    }
}
