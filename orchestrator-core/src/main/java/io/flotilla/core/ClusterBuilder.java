package io.flotilla.core;

import io.flotilla.api.ResourceTypes;
import io.flotilla.api.admission.MutatingAdmission;
import io.flotilla.api.core.Pod;
import io.flotilla.api.admission.ValidatingAdmission;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.apiserver.ApiServerBuilder;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventCleaner;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.core.controller.ControllerManager;
import io.flotilla.core.controllers.BuiltInControllers;
import io.flotilla.core.controllers.ControllerContext;
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
        ApiServer server = api.store(objects).types(types).clock(clock).meterRegistry(meterRegistry).build();
        SharedInformerFactory informers = SharedInformerFactory.builder(server)
                .clock(clock).meterRegistry(meterRegistry).build();
        ClusterEvents events = new ClusterEvents(Client.over(server, "flotilla-events"), clock, eventTtl, meterRegistry);
        ControllerManager controllers = ControllerManager.builder()
                .eventSource(informers).clock(clock).meterRegistry(meterRegistry).build();
        BuiltInControllers.register(new ControllerContext(controllers, Client.over(server, "flotilla-controllers"),
                informers, clock, events::recorder));
        controllers.start();
        return new Cluster(clusterId, clock, server, informers, controllers, events);
    }
}
