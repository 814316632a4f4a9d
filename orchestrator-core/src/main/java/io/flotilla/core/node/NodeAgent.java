package io.flotilla.core.node;

import io.flotilla.api.core.Pod;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.PodSandbox;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeInfo;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.RuntimeVolume;
import io.flotilla.api.runtime.SandboxState;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.events.EventSink;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes: the agent owns one PodWorker per pod uid bound to its node. The cluster's NodeAgents routes pod
 * and ConfigMap/Secret changes here (one informer handler for all agents, so a thousand agents cost no thousand
 * handler threads). Until start() has adopted what the runtime holds, routed changes only update the workers'
 * pods; start() then kicks every worker once. All runtime work happens in pod workers (virtual threads) or clock
 * tasks, never on the informer's thread.
 */

/**
 * Flotilla's kubelet for one node: registers the Node, renews its Lease, runs each bound pod through its
 * {@link ContainerRuntime} (sandbox, volumes, init containers in order, app containers, probes, restarts with
 * CrashLoopBackOff) and reports the pod's status. Obtained from {@link NodeAgents}; thread-safe.
 */
public final class NodeAgent {
    private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);

    private final AgentContext ctx;
    private final ContainerRuntime runtime;
    private final NodeHeartbeat heartbeat;
    private final RuntimeWatcher watcher;
    private final PodSyncer syncer;
    private final Map<String, PodWorker> workers = new ConcurrentHashMap<>();
    private volatile boolean started;
    private volatile boolean stopped;

    NodeAgent(String clusterId, String nodeName, ContainerRuntime runtime, NodeAgentConfig config, Client client,
              Clock clock, EventSink sink, HttpGetter http, ClusterDnsLocator dns) {
        this.runtime = runtime;
        RuntimeInfo info = runtime.info();
        var version = runtime.version();
        EventRecorder events = EventRecorder.builder(sink, "kubelet").host(nodeName).clock(clock).build();
        ObjectSource objects = new ObjectSource(client);
        this.ctx = new AgentContext(clusterId, nodeName, config.internalIP(), runtime, version.runtimeName(), clock,
                client, events, NodeHeartbeat.capacity(info, config.maxPods()), new Backoff(clock),
                new VolumeManager(runtime, clusterId, nodeName, objects), new EnvResolver(objects),
                new Prober(runtime, http), config, new PodDns(dns, runtime, clusterId, events), new SandboxStarts());
        this.heartbeat = new NodeHeartbeat(ctx, info, version);
        this.watcher = new RuntimeWatcher(ctx, this::runtimeChanged, workers::containsKey);
        this.syncer = new PodSyncer(ctx, new PodTerminator(ctx, w -> workers.remove(w.uid, w)));
    }

    /** The node's name. */
    public String nodeName() {
        return ctx.nodeName();
    }

    /** The runtime this agent drives. */
    public ContainerRuntime runtime() {
        return runtime;
    }

    /** The configuration the node registered with. */
    public NodeAgentConfig config() {
        return ctx.config();
    }

    /** Whether the agent runs: started and not stopped. */
    public boolean isRunning() {
        return started && !stopped;
    }

    /** How many pods the agent is working on. */
    public int podCount() {
        return workers.size();
    }

    /** Registers the node and writes its first Lease. */
    void register() {
        heartbeat.register();
    }

    /**
     * Adopts what the runtime holds for {@code pods} (the pods bound to this node) and removes everything else of
     * this cluster on this node, then starts the heartbeat, the runtime watch and every pod worker.
     */
    void start(List<Pod> pods) {
        for (Pod pod : pods) {
            podUpdated(pod);
        }
        adoptOrRemove();
        watcher.start();
        heartbeat.start();
        started = true;
        workers.values().forEach(PodWorker::kick);
    }

    private void adoptOrRemove() {
        Set<String> removed = new HashSet<>();
        List<PodSandbox> sandboxes = runtime.listPodSandboxes(PodSandboxFilter.labels(ctx.nodeSelector()));
        sandboxes.stream().sorted(Comparator.comparingInt(s -> s.metadata().attempt())).forEach(s -> {
            String uid = s.labels().get(RuntimeLabels.POD_UID);
            PodWorker w = uid == null ? null : workers.get(uid);
            if (w != null && s.state() == SandboxState.READY) {
                syncer.adopt(w, s.id(), runtime.podSandboxStatus(s.id()));
                LOG.info("node {} adopted pod {} (sandbox {})", ctx.nodeName(), w.key(), s.id());
            } else if (w == null && uid != null && removed.add(uid)) {
                PodTerminator.removeAll(ctx, uid);
            }
        });
        for (RuntimeContainer c : runtime.listContainers(ContainerFilter.labels(ctx.nodeSelector()))) {
            String uid = c.labels().get(RuntimeLabels.POD_UID);
            if (uid == null || !workers.containsKey(uid)) {
                runtime.removeContainer(c.id());
            }
        }
        for (RuntimeVolume v : runtime.listVolumes(ctx.nodeSelector())) {
            String uid = v.labels().get(RuntimeLabels.POD_UID);
            if (uid != null && !workers.containsKey(uid)) {
                runtime.removeVolume(v.name());
            }
        }
    }

    /** A pod bound to this node was added or changed. Never blocks. */
    void podUpdated(Pod pod) {
        if (stopped) {
            return;
        }
        PodWorker w = workers.computeIfAbsent(pod.metadata().uid(), uid -> new PodWorker(pod, ctx, syncer::sync));
        Pod before = w.pod;
        w.pod = pod;
        if (started && (before == pod || !w.isEcho(before, pod))) {
            w.kick();
        }
    }

    /** A pod bound to this node left the store. Never blocks. */
    void podDeleted(Pod pod) {
        PodWorker w = workers.get(pod.metadata().uid());
        if (w != null) {
            w.removed = true;
            if (started) {
                w.kick();
            }
        }
    }

    /** A ConfigMap or Secret changed: pods mounting it get their files rewritten. Never blocks. */
    void objectChanged(String kind, String namespace, String name) {
        if (!started) {
            return;
        }
        for (PodWorker w : workers.values()) {
            Pod pod = w.pod;
            if (pod.metadata().namespace().equals(namespace) && VolumeManager.refersTo(pod, kind, name)) {
                w.kick();
            }
        }
    }

    private void runtimeChanged(String uid, boolean relist) {
        PodWorker w = workers.get(uid);
        if (w != null) {
            w.kick();
        } else if (relist && started && !stopped && !uid.isEmpty()) {
            PodTerminator.removeAll(ctx, uid);
        }
    }

    /** The runtime container id of the newest attempt of {@code container} in pod {@code uid}, if any. */
    java.util.Optional<String> containerId(String uid, String container) {
        return runtime.listContainers(ContainerFilter.labels(Map.of(RuntimeLabels.CLUSTER, ctx.clusterId(),
                        RuntimeLabels.POD_UID, uid, RuntimeLabels.CONTAINER_NAME, container))).stream()
                .max(Comparator.comparingInt(c -> c.metadata().attempt()))
                .map(RuntimeContainer::id);
    }

    /**
     * Stops the agent as if its process died: heartbeats, runtime watch and pod workers stop; what runs in the
     * runtime stays (a new agent on the same runtime adopts it). Waits up to {@code wait} (real time) for running
     * syncs to end. Idempotent.
     */
    void stop(Duration wait) {
        if (stopped) {
            return;
        }
        stopped = true;
        heartbeat.stop();
        watcher.stop();
        workers.values().forEach(PodWorker::stop);
        long deadline = System.nanoTime() + wait.toNanos();
        while (workers.values().stream().anyMatch(PodWorker::busy) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        ctx.events().close();
    }

    /**
     * Removes every sandbox, container and volume this cluster created on this node; PVC volumes only if
     * {@code persistentVolumes}. Kills without grace. Call after {@link #stop}.
     */
    void removeEverything(boolean persistentVolumes) {
        for (PodSandbox s : runtime.listPodSandboxes(PodSandboxFilter.labels(ctx.nodeSelector()))) {
            runtime.removePodSandbox(s.id());
        }
        for (RuntimeContainer c : runtime.listContainers(ContainerFilter.labels(ctx.nodeSelector()))) {
            runtime.removeContainer(c.id());
        }
        for (RuntimeVolume v : runtime.listVolumes(ctx.nodeSelector())) {
            runtime.removeVolume(v.name());
        }
        if (persistentVolumes) {
            for (RuntimeVolume v : runtime.listVolumes(Map.of(RuntimeLabels.CLUSTER, ctx.clusterId(),
                    VolumeManager.VOLUME_TYPE, VolumeManager.PERSISTENT))) {
                runtime.removeVolume(v.name());
            }
        }
    }

    @Override
    public String toString() {
        return "NodeAgent[" + ctx.nodeName() + ", " + workers.size() + " pods]";
    }
}
