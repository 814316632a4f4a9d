package io.flotilla.core.node;

import io.flotilla.api.coordination.Lease;
import io.flotilla.api.coordination.LeaseSpec;
import io.flotilla.api.core.ContainerImage;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.NodeAddress;
import io.flotilla.api.core.NodeCondition;
import io.flotilla.api.core.NodeSpec;
import io.flotilla.api.core.NodeStatus;
import io.flotilla.api.core.NodeSystemInfo;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Quantity;
import io.flotilla.api.runtime.Image;
import io.flotilla.api.runtime.RuntimeInfo;
import io.flotilla.api.runtime.RuntimeVersion;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.time.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes: kubelet's node registration, node lease controller and node status reporter. The Lease in
 * kube-node-lease is the heartbeat (renewed every renewInterval on the clock); the Node's status is written at
 * registration, every statusReportPeriod, and at once when the node lifecycle controller has marked the node not
 * Ready while this agent is alive. Both run on clock tasks, so on a virtual clock heartbeats are exact.
 */

/** Registers one node and keeps its Lease and status current. Thread-safe. */
final class NodeHeartbeat {
    static final String LEASE_NAMESPACE = "kube-node-lease";
    static final String KUBELET_VERSION = "v1.32.0-flotilla";
    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final AgentContext ctx;
    private final RuntimeInfo info;
    private final RuntimeVersion version;
    private final String bootID = UUID.randomUUID().toString();
    private Cancellable task;
    private Instant lastReport = Instant.MIN;
    private volatile boolean runtimeWasUp = true;

    NodeHeartbeat(AgentContext ctx, RuntimeInfo info, RuntimeVersion version) {
        this.ctx = ctx;
        this.info = info;
        this.version = version;
    }

    /** The capacity this node reports: the runtime's CPU and memory, and {@code maxPods}. */
    static Map<String, Quantity> capacity(RuntimeInfo info, int maxPods) {
        Map<String, Quantity> capacity = new LinkedHashMap<>();
        capacity.put("cpu", info.cpu());
        capacity.put("memory", info.memory());
        capacity.put("pods", Quantity.of(maxPods));
        return capacity;
    }

    /** Creates the Node, or refreshes its labels and status if it exists (an agent restart). */
    void register() {
        Instant now = ctx.clock().now();
        var nodes = ctx.client().nodes();
        Node existing = nodes.get(ctx.nodeName()).orElse(null);
        if (existing == null) {
            ObjectMeta meta = ObjectMeta.builder().name(ctx.nodeName()).labels(labels()).build();
            Node node = new Node(meta, new NodeSpec(null, List.of(), "flotilla://" + ctx.nodeName(), null,
                    ctx.config().taints()), status(null, now));
            try {
                nodes.create(node);
            } catch (StoreException.AlreadyExists raced) {
                existing = nodes.get(ctx.nodeName()).orElseThrow();
            }
        }
        if (existing != null) {
            nodes.update(ctx.nodeName(), n -> {
                Map<String, String> merged = new LinkedHashMap<>(n.metadata().labels());
                merged.putAll(labels());
                return n.withMetadata(n.metadata().toBuilder().labels(merged).build());
            });
            report(now);
        }
        lastReport = now;
        renewLease(now);
    }

    /** Starts the heartbeat on the clock. */
    synchronized void start() {
        task = ctx.clock().scheduleAtFixedRate(ctx.config().renewInterval(), ctx.config().renewInterval(),
                this::beat);
    }

    /** Stops the heartbeat (the node will go NotReady once its Lease expires). */
    synchronized void stop() {
        if (task != null) {
            task.cancel();
        }
    }

    private void beat() {
        Instant now = ctx.clock().now();
        try {
            renewLease(now);
            boolean due = !Duration.between(lastReport, now).minus(ctx.config().statusReportPeriod()).isNegative();
            boolean runtimeUp = runtimeError() == null;
            if (due || runtimeUp != runtimeWasUp || runtimeUp && !readyInStore()) {
                report(now);
                lastReport = now;
            }
        } catch (RuntimeException e) {
            LOG.warn("heartbeat of node {} failed", ctx.nodeName(), e);
        }
    }

    private boolean readyInStore() {
        return ctx.client().nodes().get(ctx.nodeName()).map(Node::isReady).orElse(false);
    }

    private void renewLease(Instant now) {
        var leases = ctx.client().leases().inNamespace(LEASE_NAMESPACE);
        int seconds = (int) ctx.config().leaseDuration().toSeconds();
        try {
            leases.update(ctx.nodeName(), l -> l.withSpec(new LeaseSpec(ctx.nodeName(), seconds,
                    l.spec() == null ? now : l.spec().acquireTime(), now, l.spec() == null ? 0
                    : l.spec().leaseTransitions())));
        } catch (StoreException.NotFound absent) {
            leases.create(Lease.named(ctx.nodeName()).namespace(LEASE_NAMESPACE).holder(ctx.nodeName())
                    .durationSeconds(seconds).acquired(now).renewed(now).transitions(0).build());
        }
    }

    private void report(Instant now) {
        ctx.client().nodes().updateStatus(ctx.nodeName(), n -> n.withStatus(status(n.status(), now)));
    }

    private Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("kubernetes.io/hostname", ctx.nodeName());
        labels.put("kubernetes.io/os", info.operatingSystem());
        labels.put("kubernetes.io/arch", info.architecture());
        labels.putAll(ctx.config().labels());
        return labels;
    }

    /**
     * Why the runtime is not usable, or {@code null} when it answers: kubelet's runtime health check, which turns
     * the node Ready=False while its Lease stays current (the node is reachable, its runtime is not).
     */
    private String runtimeError() {
        try {
            ctx.runtime().version();
            return null;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private NodeStatus status(NodeStatus old, Instant now) {
        String runtimeError = runtimeError();
        runtimeWasUp = runtimeError == null;
        Map<String, Quantity> capacity = capacity(info, ctx.config().maxPods());
        List<NodeCondition> conditions = List.of(
                condition(old, NodeCondition.MEMORY_PRESSURE, NodeCondition.FALSE, "KubeletHasSufficientMemory",
                        "kubelet has sufficient memory available", now),
                condition(old, NodeCondition.DISK_PRESSURE, NodeCondition.FALSE, "KubeletHasNoDiskPressure",
                        "kubelet has no disk pressure", now),
                condition(old, NodeCondition.PID_PRESSURE, NodeCondition.FALSE, "KubeletHasSufficientPID",
                        "kubelet has sufficient PID available", now),
                runtimeError == null ? condition(old, NodeCondition.READY, NodeCondition.TRUE, "KubeletReady",
                        "kubelet is posting ready status", now)
                        : condition(old, NodeCondition.READY, NodeCondition.FALSE, "KubeletNotReady",
                        "container runtime is down: " + runtimeError, now));
        List<NodeAddress> addresses = List.of(NodeAddress.of(NodeAddress.INTERNAL_IP, ctx.hostIP()),
                NodeAddress.of(NodeAddress.HOSTNAME, info.hostname()));
        NodeSystemInfo system = new NodeSystemInfo(ctx.nodeName(), ctx.nodeName(), bootID, info.kernelVersion(),
                version.runtimeName(), version.runtimeName() + "://" + version.runtimeVersion(), KUBELET_VERSION,
                "", info.operatingSystem(), info.architecture());
        return new NodeStatus(capacity, capacity, conditions, addresses, system,
                runtimeError == null ? images() : old == null ? List.of() : old.images());
    }

    private List<ContainerImage> images() {
        List<ContainerImage> images = new ArrayList<>();
        for (Image image : ctx.runtime().listImages()) {
            if (images.size() == 50) {
                break;
            }
            List<String> names = new ArrayList<>(image.repoTags());
            names.addAll(image.repoDigests());
            if (!names.isEmpty()) {
                images.add(new ContainerImage(names, image.sizeBytes()));
            }
        }
        return images;
    }

    private static NodeCondition condition(NodeStatus old, String type, String status, String reason,
                                           String message, Instant now) {
        Instant since = now;
        if (old != null) {
            for (NodeCondition c : old.conditions()) {
                if (c.type().equals(type) && status.equals(c.status()) && c.lastTransitionTime() != null) {
                    since = c.lastTransitionTime();
                }
            }
        }
        return new NodeCondition(type, status, now, since, reason, message);
    }
}
