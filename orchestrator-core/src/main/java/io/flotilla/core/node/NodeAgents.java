package io.flotilla.core.node;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Secret;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventSink;
import io.flotilla.core.client.informer.Indexers;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.core.controller.EventSource;
import io.flotilla.core.controller.ResourceEventHandler;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node agents of one cluster: one {@link NodeAgent} per registered node, fed by one shared Pod handler (routed
 * by {@code spec.nodeName}) and one ConfigMap and Secret handler, so the cost per node is its pods, not threads.
 *
 * <pre>{@code
 * NodeAgents agents = NodeAgents.create(client, informers, clock, "my-cluster");
 * agents.add("sim-1", SimulatedRuntime.builder(clock).nodeName("sim-1").build(), NodeAgentConfig.defaults());
 * agents.start();
 * String log = agents.pod("default", "web-0").logs("httpd");
 * agents.close(false, true);
 * }</pre>
 *
 * <p>Thread-safe. Nodes are added before {@link #start()}; {@link #restart} replaces one agent afterwards.
 */
public final class NodeAgents {
    private static final Logger LOG = LoggerFactory.getLogger(NodeAgents.class);
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private record Registration(ContainerRuntime runtime, NodeAgentConfig config) {
    }

    private final Client client;
    private final SharedInformerFactory informers;
    private final Clock clock;
    private final String clusterId;
    private final EventSink sink;
    private final HttpGetter http = new HttpGetter();
    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();
    private final Map<String, NodeAgent> agents = new ConcurrentHashMap<>();
    private final List<EventSource.Registration> handlers = new ArrayList<>();
    /** Started by {@link #start()}; {@link #close} waits for them, so no network is created after the clean-up. */
    private final List<Thread> networkPreparations = new ArrayList<>();
    private volatile ClusterDnsLocator dns = ClusterDnsLocator.NONE;
    private boolean started;
    private boolean closed;

    private NodeAgents(Client client, SharedInformerFactory informers, Clock clock, String clusterId) {
        this.client = Objects.requireNonNull(client, "client");
        this.informers = Objects.requireNonNull(informers, "informers");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
        this.sink = EventSink.of(client);
    }

    /**
     * Agents writing through {@code client}, reading pods from {@code informers}, on {@code clock}, labelling what
     * they create with {@code clusterId}.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public static NodeAgents create(Client client, SharedInformerFactory informers, Clock clock, String clusterId) {
        return new NodeAgents(client, informers, clock, clusterId);
    }

    /**
     * Adds a node driven by {@code runtime}; started by {@link #start()}.
     *
     * @throws IllegalStateException    if already started or closed
     * @throws IllegalArgumentException if a node of that name was added already
     */
    public synchronized NodeAgents add(String nodeName, ContainerRuntime runtime, NodeAgentConfig config) {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(config, "config");
        if (started || closed) {
            throw new IllegalStateException("nodes are added before start()");
        }
        if (registrations.putIfAbsent(nodeName, new Registration(runtime, config)) != null) {
            throw new IllegalArgumentException("node " + nodeName + " was added twice");
        }
        return this;
    }

    /**
     * Gives pods the cluster DNS found through {@code locator} (kubelet's {@code --cluster-dns}); without it every
     * pod keeps its runtime's default resolver. Call before {@link #start()}.
     */
    public NodeAgents clusterDns(ClusterDnsLocator locator) {
        dns = Objects.requireNonNull(locator, "locator");
        return this;
    }

    /**
     * Registers every node, waits for the Pod informer to sync (at most 30 s), adopts what each runtime holds and
     * starts the agents. Idempotent.
     *
     * @throws IllegalStateException if the Pod informer does not sync in time
     */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        registrations.forEach((name, r) -> agents.put(name, newAgent(name, r)));
        agents.values().forEach(NodeAgent::register);
        handlers.add(informers.addHandler(Pod.TYPE, handler(this::podChanged, this::podDeleted)));
        handlers.add(informers.addHandler(ConfigMap.TYPE, handler(this::objectChanged, (a, b) -> { })));
        handlers.add(informers.addHandler(Secret.TYPE, handler(this::objectChanged, (a, b) -> { })));
        // a pod waiting for its claim to be bound mounts it as soon as the binder has bound it
        handlers.add(informers.addHandler(PersistentVolumeClaim.TYPE, handler(this::objectChanged, (a, b) -> { })));
        awaitSynced();
        OrphanSweeper.sweep(clusterId, registrations.keySet(),
                registrations.values().stream().map(Registration::runtime).toList());
        agents.values().forEach(a -> a.start(podsOn(a.nodeName())));
        registrations.values().forEach(r -> networkPreparations.add(Thread.ofVirtual()
                .name("flotilla-pod-network-" + clusterId).start(() -> preparePodNetwork(r.runtime()))));
    }

    /**
     * Creates the pod network and binds the cluster DNS on its gateway ahead of the first sandbox, which needs both:
     * done here, a Docker network create and a listener bind overlap the rest of the start and the first applies
     * instead of delaying the first pods. Failures are left to the first sandbox, which reports them on its pod.
     */
    private void preparePodNetwork(ContainerRuntime runtime) {
        try {
            runtime.podNetworkGateway(clusterId).ifPresent(dns::nameserverOn);
        } catch (RuntimeException e) {
            LOG.debug("preparing the pod network of cluster {} on {} failed; the first sandbox retries",
                    clusterId, runtime.endpoint(), e);
        }
    }

    /**
     * Stops the agent of {@code nodeName} as a crashed kubelet would (its containers keep running, its Lease stops)
     * and starts a new one on the same runtime, which adopts what the runtime holds.
     *
     * @return the new agent
     * @throws IllegalArgumentException if there is no such node
     */
    public synchronized NodeAgent restart(String nodeName) {
        NodeAgent old = stop(nodeName);
        NodeAgent fresh = newAgent(nodeName, registrations.get(nodeName));
        fresh.register();
        agents.put(nodeName, fresh);
        fresh.start(podsOn(nodeName));
        LOG.info("restarted the agent of node {} (was {})", nodeName, old);
        return fresh;
    }

    /**
     * Stops the agent of {@code nodeName} as if its process died, leaving its containers running: its Lease
     * expires and the node lifecycle controller takes over. For fault-injection tests.
     *
     * @return the stopped agent
     * @throws IllegalArgumentException if there is no such node
     */
    public synchronized NodeAgent stop(String nodeName) {
        NodeAgent agent = agents.get(nodeName);
        if (agent == null) {
            throw new IllegalArgumentException("no node named " + nodeName);
        }
        agent.stop(STOP_WAIT);
        return agent;
    }

    /** The agent of {@code nodeName}, if that node was added. */
    public Optional<NodeAgent> agent(String nodeName) {
        return Optional.ofNullable(agents.get(nodeName));
    }

    /** Every agent, in no particular order. */
    public List<NodeAgent> agents() {
        return List.copyOf(agents.values());
    }

    /** Logs and exec for pod {@code namespace/name} (looked up on each call). */
    public PodOperations pod(String namespace, String name) {
        return new PodOperations(client, agents::get, namespace, name);
    }

    /**
     * Stops every agent and removes every sandbox, container and volume they created (killing without grace);
     * volumes of PersistentVolumeClaims only if {@code removePersistentVolumes}; then closes the runtimes if
     * {@code closeRuntimes}. Idempotent; failures are logged and the rest still runs.
     */
    public synchronized void close(boolean removePersistentVolumes, boolean closeRuntimes) {
        if (closed) {
            return;
        }
        closed = true;
        handlers.forEach(EventSource.Registration::remove);
        for (NodeAgent agent : agents.values()) {
            agent.stop(STOP_WAIT);
        }
        awaitNetworkPreparations();
        for (NodeAgent agent : agents.values()) {
            try {
                agent.removeEverything(removePersistentVolumes);
            } catch (RuntimeException e) {
                LOG.warn("clean-up of node {} failed", agent.nodeName(), e);
            }
        }
        if (closeRuntimes) {
            registrations.values().forEach(r -> {
                try {
                    r.runtime().close();
                } catch (RuntimeException e) {
                    LOG.warn("closing runtime {} failed", r.runtime().endpoint(), e);
                }
            });
        }
        http.close();
    }

    private void awaitNetworkPreparations() {
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Thread t : networkPreparations) {
            try {
                t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private NodeAgent newAgent(String name, Registration r) {
        return new NodeAgent(clusterId, name, r.runtime(), r.config(), client, clock, sink, http, dns);
    }

    private List<Pod> podsOn(String nodeName) {
        return informers.lister(Pod.TYPE).byIndex(Indexers.NODE, nodeName);
    }

    private void awaitSynced() {
        try {
            informers.synced(Pod.TYPE).toCompletableFuture().get(SYNC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Pod informer", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the Pod informer did not sync within " + SYNC_TIMEOUT, e);
        }
    }

    private void podChanged(Pod pod, Pod ignored) {
        NodeAgent agent = pod.nodeName() == null ? null : agents.get(pod.nodeName());
        if (agent != null) {
            agent.podUpdated(pod);
        }
    }

    private void podDeleted(Pod pod, Pod ignored) {
        NodeAgent agent = pod.nodeName() == null ? null : agents.get(pod.nodeName());
        if (agent != null) {
            agent.podDeleted(pod);
        }
    }

    private void objectChanged(Resource object, Resource ignored) {
        String kind = object.kind();
        for (NodeAgent agent : agents.values()) {
            agent.objectChanged(kind, object.metadata().namespace(), object.metadata().name());
        }
    }

    private static <T extends Resource> ResourceEventHandler<T> handler(BiConsumer<T, T> changed,
                                                                       BiConsumer<T, T> deleted) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                changed.accept(object, null);
            }

            @Override
            public void onUpdate(T oldObject, T newObject) {
                changed.accept(newObject, oldObject);
            }

            @Override
            public void onDelete(T object) {
                deleted.accept(object, null);
            }
        };
    }
}
