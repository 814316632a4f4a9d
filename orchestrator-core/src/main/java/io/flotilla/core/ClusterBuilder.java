package io.flotilla.core;

import io.flotilla.api.ResourceTypes;
import io.flotilla.api.admission.MutatingAdmission;
import io.flotilla.api.core.Pod;
import io.flotilla.api.admission.ValidatingAdmission;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.scheduler.PluginFactory;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.apiserver.ApiServerBuilder;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventCleaner;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.core.controller.ControllerManager;
import io.flotilla.core.controllers.BuiltInControllers;
import io.flotilla.core.controllers.ControllerContext;
import io.flotilla.core.controllers.nodelifecycle.NodeLifecycleConfig;
import io.flotilla.core.network.ClusterNetwork;
import io.flotilla.core.network.NetworkConfig;
import io.flotilla.core.node.NodeAgentConfig;
import io.flotilla.core.scheduler.Profile;
import io.flotilla.core.sim.Scenario;
import io.flotilla.core.sim.SimulatedRuntime;
import io.flotilla.core.store.InMemoryObjectStore;
import io.flotilla.core.store.ObjectStore;
import io.flotilla.core.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Configures and starts a {@link Cluster}. Mutable and not thread-safe; {@link #start()} may be called once.
 */
public final class ClusterBuilder {
    private static final Pattern ID = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private String id;
    private Clock clock = Clock.system();
    private MeterRegistry meterRegistry = new CompositeMeterRegistry();
    private ObjectStore store;
    private ResourceTypes types = ResourceTypes.builtIn();
    private Duration eventTtl = EventCleaner.DEFAULT_TTL;
    private final ApiServerBuilder api = ApiServer.builder();
    private final ClusterNodes nodes = new ClusterNodes();
    private final ClusterScheduling scheduling = new ClusterScheduling();
    private NetworkConfig network = NetworkConfig.defaults();

    ClusterBuilder() {
    }

    /**
     * The cluster id, stamped as the {@code io.flotilla.cluster} label on everything the cluster creates in its
     * runtimes, so a restarted cluster with the same id finds, adopts or removes what it left. Default: a random
     * id.
     *
     * @throws IllegalArgumentException if the id is not a DNS-1123 label
     */
    public ClusterBuilder id(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("cluster id " + (id == null ? "null" : "\"" + id + "\"")
                    + " must be a DNS-1123 label: lower case alphanumerics and '-', at most 63 characters");
        }
        this.id = id;
        return this;
    }

    /** The clock every component runs on; default the system clock. Tests pass a {@code VirtualClock}. */
    public ClusterBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Where components register their meters; default none (an empty composite registry records nothing). */
    public ClusterBuilder meterRegistry(MeterRegistry registry) {
        this.meterRegistry = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /** The object store; default a new {@link InMemoryObjectStore}. */
    public ClusterBuilder store(ObjectStore store) {
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    /** Serves a custom resource kind too (the Flotilla equivalent of a CRD). */
    public ClusterBuilder customResource(ResourceType<?> type) {
        types = types.with(type);
        return this;
    }

    /** Adds a mutating admission plugin, run on every write before validation. */
    public ClusterBuilder mutatingAdmission(MutatingAdmission plugin) {
        api.mutatingAdmission(plugin);
        return this;
    }

    /** Adds a validating admission plugin, run on every write after validation. */
    public ClusterBuilder validatingAdmission(ValidatingAdmission plugin) {
        api.validatingAdmission(plugin);
        return this;
    }

    /** How long events are kept after their last occurrence; default one hour. */
    public ClusterBuilder eventTtl(Duration ttl) {
        this.eventTtl = Objects.requireNonNull(ttl, "ttl");
        return this;
    }

    /**
     * Adds a node driven by {@code runtime}, with kubelet's defaults: at start its agent registers the Node, renews
     * its Lease and runs the pods bound to it. The cluster owns the runtime and closes it on {@link Cluster#close()}
     * (see {@link #closeRuntimesOnClose}).
     *
     * @throws IllegalArgumentException if a node of that name was added already
     */
    public ClusterBuilder node(String name, ContainerRuntime runtime) {
        return node(name, runtime, NodeAgentConfig.defaults());
    }

    /** Adds a node driven by {@code runtime}, registered as {@code config} says (labels, taints, heartbeats). */
    public ClusterBuilder node(String name, ContainerRuntime runtime, NodeAgentConfig config) {
        Objects.requireNonNull(runtime, "runtime");
        nodes.add(name, c -> runtime, config);
        return this;
    }

    /**
     * Adds {@code count} simulated nodes named {@code sim-0001}, {@code sim-0002}, ..., each a
     * {@link SimulatedRuntime} on the cluster's clock following {@code scenario}, with its own pod CIDR; for tests
     * and scale runs.
     */
    public ClusterBuilder simulatedNodes(int count, Scenario scenario, NodeAgentConfig config) {
        Objects.requireNonNull(scenario, "scenario");
        if (count < 0 || count > 65_536) {
            throw new IllegalArgumentException("count must be between 0 and 65536: " + count);
        }
        for (int i = 0; i < count; i++) {
            String name = String.format("sim-%04d", i + 1);
            String cidr = "10." + (128 + i / 256) + "." + (i % 256) + ".0/24";
            nodes.add(name, c -> SimulatedRuntime.builder(c).nodeName(name).scenario(scenario).podCidr(cidr).build(),
                    config);
        }
        return this;
    }

    /**
     * Timings of the node lifecycle controller (how long a silent node stays Ready, how long pods without an
     * explicit toleration stay on a lost node); default {@link NodeLifecycleConfig#defaults()}. The controller
     * runs when nodes are added or this is set.
     */
    public ClusterBuilder nodeLifecycle(NodeLifecycleConfig config) {
        nodes.lifecycle(config);
        return this;
    }

    /**
     * Whether {@link Cluster#close()} keeps the runtime volumes of PersistentVolumeClaims (default {@code true}:
     * their data stays on the host, as Kubernetes keeps a PersistentVolume's data); everything else the cluster
     * created is always removed. The object store lives in memory, so a later cluster with the same id gives its
     * claims new uids and new, empty volumes: the kept volumes are for inspection and recovery by hand, and a
     * cluster with the same id that does not keep them removes them on its {@code close()}.
     */
    public ClusterBuilder keepPersistentVolumesOnClose(boolean keep) {
        nodes.removePersistentVolumes(!keep);
        return this;
    }

    /** Whether {@link Cluster#close()} closes the nodes' runtimes; default {@code true}. */
    public ClusterBuilder closeRuntimesOnClose(boolean close) {
        nodes.closeRuntimes(close);
        return this;
    }

    /**
     * How Services are served: host proxy and ingress address, DNS address and port, cluster domain, node port
     * range; default {@link NetworkConfig#defaults()} (everything on 127.0.0.1).
     */
    public ClusterBuilder network(NetworkConfig config) {
        this.network = Objects.requireNonNull(config, "config");
        return this;
    }

    /**
     * Adds a scheduling profile, such as {@code Scheduling.binPacking()} or a custom one; pods choose a profile by
     * {@code spec.schedulerName}. Without any, the scheduler runs {@code Scheduling.spread()} as
     * {@code default-scheduler}. The scheduler runs when the cluster has nodes or scheduling is configured.
     */
    public ClusterBuilder scheduling(Profile profile) {
        scheduling.profile(profile);
        return this;
    }

    /**
     * Registers a user scheduler plugin under {@code name}, for profiles to enable by that name.
     *
     * @throws IllegalArgumentException if a plugin of that name exists (in-tree names included)
     */
    public ClusterBuilder schedulerPlugin(String name, PluginFactory factory) {
        scheduling.plugin(name, factory);
        return this;
    }

    /**
     * Starts the control plane: the API layer and its background controllers (garbage collector, namespace
     * lifecycle), the shared informers, event cleanup and the controller manager.
     */
    public Cluster start() {
        String clusterId = id != null ? id : "flotilla-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
        ObjectStore objects = store != null ? store
                : InMemoryObjectStore.builder().meterRegistry(meterRegistry)
                        .field(Pod.TYPE, "spec.nodeName", p -> p.spec().nodeName())
                        .field(Pod.TYPE, "status.phase", p -> p.status() == null ? null : p.status().phase())
                        .build();
        ClusterNetwork net = new ClusterNetwork(network, clock);
        api.mutatingAdmission(net.nodePorts().admission()).validatingAdmission(net.nodePorts().release());
        ApiServer server = api.store(objects).types(types).clock(clock).meterRegistry(meterRegistry).build();
        SharedInformerFactory informers = SharedInformerFactory.builder(server)
                .clock(clock).meterRegistry(meterRegistry).build();
        ClusterEvents events = new ClusterEvents(Client.over(server, "flotilla-events"), clock, eventTtl, meterRegistry);
        ControllerManager controllers = ControllerManager.builder()
                .eventSource(informers).clock(clock).meterRegistry(meterRegistry).build();
        BuiltInControllers.register(new ControllerContext(controllers, Client.over(server, "flotilla-controllers"),
                informers, clock, events::recorder));
        controllers.start();
        Cluster cluster = new Cluster(clusterId, clock, server, informers, controllers, events);
        net.start(Client.over(server, "flotilla-network"), informers);
        cluster.attachNetwork(net);
        scheduling.start(server, informers, clock, events.recorder(Profile.DEFAULT_SCHEDULER_NAME), meterRegistry,
                nodes.hasNodes());
        cluster.attachScheduling(scheduling);
        nodes.clusterDns(net.dns());
        nodes.start(Client.over(server, "flotilla-node"), informers, clock, clusterId, events::recorder);
        cluster.attachNodes(nodes);
        return cluster;
    }
}
