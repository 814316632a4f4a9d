package io.flotilla.core;

import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.core.controllers.nodelifecycle.NodeLifecycleConfig;
import io.flotilla.core.controllers.nodelifecycle.NodeLifecycleController;
import io.flotilla.core.node.ClusterDnsLocator;
import io.flotilla.core.node.NodeAgentConfig;
import io.flotilla.core.node.NodeAgents;
import io.flotilla.core.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The node side of a cluster: the nodes registered on the builder, then their {@link NodeAgents} and the
 * {@link NodeLifecycleController}. Neither runs unless a node was registered or the node lifecycle was configured,
 * so a control plane without nodes has no periodic node tasks. Not thread-safe while building; the started parts
 * are.
 */
final class ClusterNodes implements AutoCloseable {
    private record Entry(Function<Clock, ContainerRuntime> runtime, NodeAgentConfig config) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private NodeLifecycleConfig lifecycle;
    private boolean removePersistentVolumes;
    private boolean closeRuntimes = true;
    private ClusterDnsLocator dns = ClusterDnsLocator.NONE;
    private NodeAgents agents;
    private NodeLifecycleController controller;

    void add(String name, Function<Clock, ContainerRuntime> runtime, NodeAgentConfig config) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(config, "config");
        if (entries.putIfAbsent(name, new Entry(runtime, config)) != null) {
            throw new IllegalArgumentException("node " + name + " was registered twice");
        }
    }

    void lifecycle(NodeLifecycleConfig config) {
        lifecycle = Objects.requireNonNull(config, "config");
    }

    void removePersistentVolumes(boolean value) {
        removePersistentVolumes = value;
    }

    void closeRuntimes(boolean value) {
        closeRuntimes = value;
    }

    /** Gives pods the cluster DNS found through {@code locator}; set before {@link #start}. */
    void clusterDns(ClusterDnsLocator locator) {
        dns = Objects.requireNonNull(locator, "locator");
    }

    /** Whether any node was added. */
    boolean hasNodes() {
        return !entries.isEmpty();
    }

    /** Starts the agents (after the Pod informer synced) and the node lifecycle controller. */
    void start(Client client, SharedInformerFactory informers, Clock clock, String clusterId,
               Function<String, EventRecorder> recorders) {
        agents = NodeAgents.create(client, informers, clock, clusterId).clusterDns(dns);
        if (entries.isEmpty() && lifecycle == null) {
            return;
        }
        entries.forEach((name, e) -> agents.add(name, e.runtime().apply(clock), e.config()));
        agents.start();
        controller = NodeLifecycleController.start(client, informers, clock, recorders.apply("node-controller"),
                lifecycle != null ? lifecycle : NodeLifecycleConfig.defaults());
    }

    NodeAgents agents() {
        return agents;
    }

    @Override
    public void close() {
        if (controller != null) {
            controller.close();
        }
        if (agents != null) {
            agents.close(removePersistentVolumes, closeRuntimes);
        }
    }
}
