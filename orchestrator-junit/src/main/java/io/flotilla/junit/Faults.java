package io.flotilla.junit;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.NodeCondition;
import io.flotilla.api.core.NodeSpec;
import io.flotilla.api.core.NodeStatus;
import io.flotilla.api.core.Pod;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.core.Cluster;
import io.flotilla.core.node.NodeAgent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Faults for tests, injected by {@link FlotillaExtension} or made with {@link #of(Cluster)}:
 *
 * <pre>{@code
 * faults.killContainer(ns.name(), "web-0", "httpd");     // kill -9; the node agent restarts it
 * faults.deletePod(ns.name(), "api-5f7d-x2x");           // the ReplicaSet replaces it
 * faults.makeNodeNotReady("node-2");                      // its pods are evicted after their toleration
 * faults.drain("node-1", Duration.ofSeconds(30));         // cordon, evict, wait until the node is empty
 * }</pre>
 *
 * <p>Services keep their names, cluster DNS entries and host (node) ports through every fault: only pods come and
 * go behind them. Thread-safe. Errors name the pod, container or node that does not exist.
 */
public final class Faults {
    private final Cluster cluster;

    private Faults(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Faults on {@code cluster}. */
    public static Faults of(Cluster cluster) {
        return new Faults(Objects.requireNonNull(cluster, "cluster"));
    }

    /**
     * Kills the current attempt of {@code container} in pod {@code namespace/pod} at once (SIGKILL, no grace), as
     * an OOM kill or a crash would. The node agent then restarts it per the pod's {@code restartPolicy}; this
     * method does not wait for that.
     *
     * @throws IllegalStateException naming what is missing if the pod, its node or the container does not exist
     */
    public void killContainer(String namespace, String pod, String container) {
        stop(namespace, pod, container, Duration.ZERO);
    }

    /**
     * Stops the current attempt of {@code container} gracefully (SIGTERM, then SIGKILL after {@code grace}); the
     * node agent starts a new attempt per the pod's {@code restartPolicy}. Does not wait for the restart.
     *
     * @throws IllegalStateException naming what is missing if the pod, its node or the container does not exist
     */
    public void restartContainer(String namespace, String pod, String container, Duration grace) {
        stop(namespace, pod, container, Objects.requireNonNull(grace, "grace"));
    }

    /**
     * Deletes pod {@code namespace/pod} (with its grace period), like {@code kubectl delete pod}; its controller
     * creates a replacement.
     *
     * @throws io.flotilla.core.store.StoreException.NotFound if there is no such pod
     */
    public void deletePod(String namespace, String pod) {
        cluster.client().pods().inNamespace(namespace).delete(pod);
    }

    /**
     * Makes node {@code node} NotReady as a lost kubelet would: its agent stops (its containers keep running, its
     * Lease is no longer renewed) and its {@code Ready} condition becomes {@code Unknown} at once, instead of after
     * the node lifecycle controller's grace period. The controller then taints the node unreachable and evicts its
     * pods after their toleration. {@link #makeNodeReady} undoes it.
     *
     * @throws IllegalArgumentException if there is no such node
     */
    public void makeNodeNotReady(String node) {
        cluster.nodes().stop(node);
        Instant now = cluster.clock().now();
        cluster.client().nodes().updateStatus(node, n -> n.withStatus(unknown(n.status(), now)));
    }

    /**
     * Brings node {@code node} back: a new agent adopts what the runtime holds and reports the node Ready.
     *
     * @throws IllegalArgumentException if there is no such node
     */
    public void makeNodeReady(String node) {
        cluster.nodes().restart(node);
    }

    /** Marks node {@code node} unschedulable, like {@code kubectl cordon}; its pods keep running. */
    public void cordon(String node) {
        setUnschedulable(node, true);
    }

    /** Marks node {@code node} schedulable again, like {@code kubectl uncordon}. */
    public void uncordon(String node) {
        setUnschedulable(node, false);
    }

    /**
     * {@code kubectl drain}: cordons node {@code node}, deletes its pods except DaemonSet pods (there is no
     * PodDisruptionBudget kind to respect), and waits until they are gone; their controllers recreate them on other
     * nodes.
     *
     * @return the names ({@code namespace/name}) of the evicted pods
     * @throws IllegalStateException if pods remain on the node after {@code timeout}
     */
    public List<String> drain(String node, Duration timeout) {
        cordon(node);
        List<String> evicted = new ArrayList<>();
        for (Pod p : podsOn(node)) {
            cluster.client().pods().inNamespace(p.metadata().namespace()).delete(p.metadata().name());
            evicted.add(p.metadata().namespace() + "/" + p.metadata().name());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!podsOn(node).isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("node " + node + " still runs " + podsOn(node).stream()
                        .map(p -> p.metadata().name()).toList() + " after draining for " + timeout);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        return evicted;
    }

    private List<Pod> podsOn(String node) {
        return cluster.client().pods().list().stream()
                .filter(p -> node.equals(p.nodeName()) && !p.isTerminal())
                .filter(p -> p.metadata().controllerReference().map(o -> !"DaemonSet".equals(o.kind())).orElse(true))
                .toList();
    }

    private void setUnschedulable(String node, boolean unschedulable) {
        cluster.client().nodes().update(node, n -> {
            NodeSpec s = n.spec();
            NodeSpec spec = s == null ? new NodeSpec(null, null, null, unschedulable, null)
                    : new NodeSpec(s.podCIDR(), s.podCIDRs(), s.providerID(), unschedulable, s.taints());
            return new Node(n.metadata(), spec, n.status());
        });
    }

    private void stop(String namespace, String pod, String container, Duration grace) {
        Pod p = cluster.client().pods().inNamespace(namespace).get(pod)
                .orElseThrow(() -> new IllegalStateException("pod " + namespace + "/" + pod + " not found"));
        NodeAgent agent = p.nodeName() == null ? null : cluster.nodes().agent(p.nodeName()).orElse(null);
        if (agent == null) {
            throw new IllegalStateException("pod " + namespace + "/" + pod + " is not running on a node of this"
                    + " cluster (node: " + p.nodeName() + ")");
        }
        ContainerRuntime runtime = agent.runtime();
        RuntimeContainer current = runtime.listContainers(ContainerFilter.labels(Map.of(
                        RuntimeLabels.CLUSTER, cluster.id(), RuntimeLabels.POD_UID, p.metadata().uid(),
                        RuntimeLabels.CONTAINER_NAME, container))).stream()
                .max(Comparator.comparingInt(c -> c.metadata().attempt()))
                .orElseThrow(() -> new IllegalStateException("pod " + namespace + "/" + pod + " has no container "
                        + container + " (it has " + p.spec().containers().stream().map(c -> c.name()).toList()
                        + ")"));
        runtime.stopContainer(current.id(), grace);
    }

    private static NodeStatus unknown(NodeStatus status, Instant now) {
        List<NodeCondition> conditions = new ArrayList<>();
        List<NodeCondition> old = status == null ? List.of() : status.conditions();
        for (NodeCondition c : old) {
            conditions.add(new NodeCondition(c.type(), NodeCondition.UNKNOWN, c.lastHeartbeatTime(), now,
                    "NodeStatusUnknown", "Kubelet stopped posting node status."));
        }
        if (old.stream().noneMatch(c -> NodeCondition.READY.equals(c.type()))) {
            conditions.add(new NodeCondition(NodeCondition.READY, NodeCondition.UNKNOWN, null, now,
                    "NodeStatusUnknown", "Kubelet stopped posting node status."));
        }
        return status == null ? new NodeStatus(null, null, conditions, null, null, null)
                : new NodeStatus(status.capacity(), status.allocatable(), conditions, status.addresses(),
                status.nodeInfo(), status.images());
    }

    @Override
    public String toString() {
        return "Faults[" + cluster.id() + "]";
    }
}
