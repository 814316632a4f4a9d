package io.flotilla.core.controllers.nodelifecycle;

import io.flotilla.api.coordination.Lease;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.NodeCondition;
import io.flotilla.api.core.NodeSpec;
import io.flotilla.api.core.NodeStatus;
import io.flotilla.api.core.Taint;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.core.time.Cancellable;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes: Kubernetes' node lifecycle controller (monitorNodeHealth) plus its NoExecute taint manager, as one
 * periodic task on the clock. A node's last heartbeat is the later of its Lease's renewTime and its Ready
 * condition's lastHeartbeatTime (read from the API, not a cache, so a virtual clock gives exact results). A node
 * silent for longer than the grace period gets every condition set to Unknown; the taints follow the Ready
 * condition: Unknown -> unreachable, False -> not-ready (NoSchedule and NoExecute each), True -> none of ours.
 */

/**
 * Marks lost nodes NotReady, taints them, and evicts their pods after their tolerations ({@link TaintEvictor}).
 * Runs on its clock every {@code monitorPeriod}; thread-safe; {@link #close()} stops it.
 */
public final class NodeLifecycleController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeLifecycleController.class);
    static final String LEASE_NAMESPACE = "kube-node-lease";

    private final Client client;
    private final Clock clock;
    private final EventRecorder events;
    private final NodeLifecycleConfig config;
    private final TaintEvictor evictor;
    private Cancellable task;

    private NodeLifecycleController(Client client, SharedInformerFactory informers, Clock clock,
                                    EventRecorder events, NodeLifecycleConfig config) {
        this.client = client;
        this.clock = clock;
        this.events = events;
        this.config = config;
        this.evictor = new TaintEvictor(client, informers, clock, events, config);
    }

    /**
     * Starts a controller: its first check runs one monitor period from now.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public static NodeLifecycleController start(Client client, SharedInformerFactory informers, Clock clock,
                                                EventRecorder events, NodeLifecycleConfig config) {
        NodeLifecycleController c = new NodeLifecycleController(Objects.requireNonNull(client, "client"),
                Objects.requireNonNull(informers, "informers"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(events, "events"), Objects.requireNonNull(config, "config"));
        synchronized (c) {
            c.task = clock.scheduleWithFixedDelay(config.monitorPeriod(), config.monitorPeriod(), c::monitor);
        }
        return c;
    }

    /** Checks every node once: conditions, taints, evictions. Also run by the periodic task. */
    public void monitor() {
        try {
            Map<String, Lease> leases = new HashMap<>();
            for (Lease l : client.leases().inNamespace(LEASE_NAMESPACE).list()) {
                leases.put(l.metadata().name(), l);
            }
            for (Node node : client.nodes().list()) {
                Node current = checkHealth(node, leases.get(node.metadata().name()));
                current = syncTaints(current);
                evictor.check(current);
            }
        } catch (RuntimeException e) {
            LOG.warn("node health check failed", e);
        }
    }

    private Node checkHealth(Node node, Lease lease) {
        Instant now = clock.now();
        Instant last = node.metadata().creationTimestamp();
        NodeCondition ready = readyCondition(node);
        if (ready != null && ready.lastHeartbeatTime() != null) {
            last = later(last, ready.lastHeartbeatTime());
        }
        if (lease != null && lease.spec() != null && lease.spec().renewTime() != null) {
            last = later(last, lease.spec().renewTime());
        }
        boolean silent = last == null || Duration.between(last, now).compareTo(config.gracePeriod()) > 0;
        if (!silent || ready != null && NodeCondition.UNKNOWN.equals(ready.status())) {
            return node;
        }
        String name = node.metadata().name();
        LOG.info("node {} stopped posting status (last heartbeat {}); marking it Ready=Unknown", name, last);
        events.normal(node, "NodeNotReady", "Node %s status is now: NodeNotReady", name);
        return client.nodes().updateStatus(name, n -> n.withStatus(unknown(n.status(), now)));
    }

    private static NodeStatus unknown(NodeStatus status, Instant now) {
        List<NodeCondition> conditions = new ArrayList<>();
        List<NodeCondition> old = status == null ? List.of() : status.conditions();
        if (old.stream().noneMatch(c -> NodeCondition.READY.equals(c.type()))) {
            conditions.add(new NodeCondition(NodeCondition.READY, NodeCondition.UNKNOWN, null, now,
                    "NodeStatusNeverUpdated", "Kubelet never posted node status."));
        }
        for (NodeCondition c : old) {
            conditions.add(NodeCondition.UNKNOWN.equals(c.status()) ? c : new NodeCondition(c.type(),
                    NodeCondition.UNKNOWN, c.lastHeartbeatTime(), now, "NodeStatusUnknown",
                    "Kubelet stopped posting node status."));
        }
        return status == null ? new NodeStatus(null, null, conditions, null, null, null)
                : new NodeStatus(status.capacity(), status.allocatable(), conditions, status.addresses(),
                status.nodeInfo(), status.images());
    }

    /** Adds or removes the not-ready / unreachable taints to match the Ready condition. */
    private Node syncTaints(Node node) {
        NodeCondition ready = readyCondition(node);
        String wanted = ready == null || NodeCondition.UNKNOWN.equals(ready.status()) ? Taint.UNREACHABLE
                : NodeCondition.FALSE.equals(ready.status()) ? Taint.NOT_READY : null;
        List<Taint> current = node.spec() == null ? List.of() : node.spec().taints();
        List<Taint> desired = new ArrayList<>();
        for (Taint t : current) {
            if (!ours(t) || t.key().equals(wanted)) {
                desired.add(t);
            }
        }
        if (wanted != null) {
            Instant now = clock.now();
            for (String effect : List.of(Taint.NO_SCHEDULE, Taint.NO_EXECUTE)) {
                if (desired.stream().noneMatch(t -> t.key().equals(wanted) && effect.equals(t.effect()))) {
                    desired.add(Taint.of(wanted, null, effect).withTimeAdded(now));
                }
            }
        }
        if (desired.equals(current)) {
            return node;
        }
        return client.nodes().update(node.metadata().name(), n -> withTaints(n, desired));
    }

    private static Node withTaints(Node n, List<Taint> taints) {
        NodeSpec s = n.spec();
        NodeSpec spec = s == null ? new NodeSpec(null, null, null, null, taints)
                : new NodeSpec(s.podCIDR(), s.podCIDRs(), s.providerID(), s.unschedulable(), taints);
        return new Node(n.metadata(), spec, n.status());
    }

    static boolean ours(Taint t) {
        return Taint.UNREACHABLE.equals(t.key()) || Taint.NOT_READY.equals(t.key());
    }

    private static NodeCondition readyCondition(Node node) {
        if (node.status() == null) {
            return null;
        }
        return node.status().conditions().stream().filter(c -> NodeCondition.READY.equals(c.type())).findFirst()
                .orElse(null);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** Stops the periodic check and pending evictions (the recorder stays open: the caller owns it). Idempotent. */
    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel();
        }
        evictor.close();
    }
}
