package io.flotilla.core;

import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.meta.Buildable;
import io.flotilla.api.meta.Resource;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.core.controller.ControllerManager;
import io.flotilla.core.node.NodeAgents;
import io.flotilla.core.node.PodOperations;
import io.flotilla.core.time.Clock;
import io.flotilla.core.network.ClusterDns;
import io.flotilla.core.network.ClusterNetwork;
import io.flotilla.core.network.ServiceAccess;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An embedded control plane: the object store, the API layer (defaulting, validation, admission, namespaces,
 * garbage collection), shared informers, the controller manager and event recording, started together and closed
 * together.
 *
 * <pre>{@code
 * try (Cluster cluster = Cluster.builder().start()) {
 *     cluster.apply(ConfigMap.named("site").data("index.html", "<h1>hello</h1>"));
 *     cluster.apply(Path.of("k8s/redis.yaml"));
 *     cluster.controllers().controller("mirror").forType(ConfigMap.TYPE).reconciler(myReconciler);
 *     Optional<ConfigMap> site = cluster.client().configMaps().get("site");
 * }
 * }</pre>
 *
 * <p>Thread-safe: every method may be called from any thread. Objects are applied like {@code kubectl apply}
 * (see {@link ApiServer#apply}); errors are the API layer's typed exceptions, which name the object and field.
 */
public final class Cluster implements AutoCloseable {
    /** The field manager recorded for objects applied through the cluster. */
    public static final String FIELD_MANAGER = "flotilla-user";

    private final String id;
    private final Clock clock;
    private final ApiServer api;
    private final Client client;
    private final SharedInformerFactory informers;
    private final ControllerManager controllers;
    private final ClusterEvents events;
    private final Manifests manifests;
    private volatile ClusterNodes nodes;
    private volatile ClusterScheduling scheduling;
    private volatile ClusterNetwork network;

    Cluster(String id, Clock clock, ApiServer api, SharedInformerFactory informers, ControllerManager controllers,
            ClusterEvents events) {
        this.id = id;
        this.clock = clock;
        this.api = api;
        this.client = Client.over(api, FIELD_MANAGER);
        this.informers = informers;
        this.controllers = controllers;
        this.events = events;
        this.manifests = Manifests.strict().withTypes(api.types());
    }

    /** A builder of a cluster with the defaults: in-memory store, system clock, no metrics. */
    public static ClusterBuilder builder() {
        return new ClusterBuilder();
    }

    /** This cluster's id: the value of the {@code io.flotilla.cluster} label on everything it creates. */
    public String id() {
        return id;
    }

    /** The clock the control plane runs on. */
    public Clock clock() {
        return clock;
    }

    /** The typed client, for reading and writing any kind. */
    public Client client() {
        return client;
    }

    /** The shared informers: cached, indexed, watched views of every kind. */
    public SharedInformerFactory informers() {
        return informers;
    }

    /** The controller manager, where user reconcilers are registered. */
    public ControllerManager controllers() {
        return controllers;
    }

    /** An event recorder for a component of the user's (events name it as their source). */
    public EventRecorder eventRecorder(String component) {
        return events.recorder(component);
    }

    /**
     * The node agents: one per node added on the builder, with fault injection ({@code stop}, {@code restart}) for
     * tests.
     */
    public NodeAgents nodes() {
        return nodes.agents();
    }

    /** Logs and exec for pod {@code namespace/name}, through its node's runtime. */
    public PodOperations pod(String namespace, String name) {
        return nodes().pod(namespace, name);
    }

    /** Logs and exec for pod {@code name} in namespace {@code default}. */
    public PodOperations pod(String name) {
        return pod("default", name);
    }

    void attachScheduling(ClusterScheduling started) {
        this.scheduling = started;
    }

    void attachNodes(ClusterNodes started) {
        this.nodes = started;
    }

    void attachNetwork(ClusterNetwork started) {
        this.network = started;
    }

    /**
     * Reaching Services from the host: {@code services().hostUrl("default", "web")} is {@code http://127.0.0.1:<port>}
     * on the Service's node port, or on a port opened on demand for other Services.
     */
    public ServiceAccess services() {
        return network.services();
    }

    /** The cluster DNS: its address and port, and the resolver configuration pods get. */
    public ClusterDns dns() {
        return network.dns();
    }

    /** The URL of the ingress listener, which routes by every Ingress's rules (started on first use). */
    public URI ingressUrl() {
        return network.ingressUrl();
    }

    /**
     * Applies an object: creates it, or merges it into the existing one like {@code kubectl apply}.
     *
     * @return the stored object
     */
    public <T extends Resource> T apply(T resource) {
        return api.apply(Objects.requireNonNull(resource, "resource"), FIELD_MANAGER);
    }

    /** Builds and applies an object; see {@link #apply(Resource)}. */
    public <T extends Resource> T apply(Buildable<T> builder) {
        return apply(builder.build());
    }

    /**
     * Applies every object of a Kubernetes manifest file (YAML or JSON, one or many documents, or a List). The whole
     * file is read and validated first: if any document is bad, nothing is applied.
     *
     * @return the stored objects, in the file's order
     * @throws io.flotilla.api.manifest.ManifestException naming every problem of every bad document
     */
    public List<Resource> apply(Path manifest) {
        return applyAll(manifests.read(manifest));
    }

    /** Applies every object of a manifest text; see {@link #apply(Path)}. */
    public List<Resource> applyYaml(String manifest) {
        return applyAll(manifests.read(manifest));
    }

    private List<Resource> applyAll(List<Resource> resources) {
        List<Resource> applied = new ArrayList<>(resources.size());
        for (Resource r : resources) {
            applied.add(apply(r));
        }
        return applied;
    }

    /**
     * Stops everything in reverse order of start: node agents (removing every sandbox, container and volume they
     * created, except PVC volumes unless asked; see {@link ClusterBuilder#keepPersistentVolumesOnClose}), controllers,
     * informers, event machinery, the API layer. Idempotent.
     */
    @Override
    public void close() {
        ClusterNetwork startedNetwork = network;
        if (startedNetwork != null) {
            startedNetwork.close();
        }
        ClusterNodes started = nodes;
        if (started != null) {
            started.close();
        }
        ClusterScheduling startedScheduling = scheduling;
        if (startedScheduling != null) {
            startedScheduling.close();
        }
        controllers.close();
        events.close();
        informers.close();
        api.close();
    }
}
