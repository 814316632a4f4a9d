package io.flotilla.core.network.proxy;

import io.flotilla.api.core.EndpointAddress;
import io.flotilla.api.core.EndpointPort;
import io.flotilla.api.core.EndpointSubset;
import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Service;
import io.flotilla.api.core.ServicePort;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.controller.EventSource;
import io.flotilla.core.controller.ResourceEventHandler;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes: kube-proxy's userspace mode. Listener changes (a Service added, its node ports changed, deleted)
 * are applied one at a time on a single virtual thread fed by the Service informer, so the informer's thread never
 * blocks on a bind. Which endpoints a connection goes to is decided per connection from the Endpoints cache.
 */
/**
 * Serves Services on the host: one {@link TcpForwarder} per node port of every NodePort and LoadBalancer Service
 * (TCP ports), following Service changes, and forwarders opened on demand for any Service port
 * ({@link #forward}). Thread-safe.
 */
public final class HostProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostProxy.class);

    private record Listener(String service, int servicePort, TcpForwarder forwarder) {
    }

    private final Vertx vertx;
    private final String host;
    private final Lister<Service> services;
    private final Lister<Endpoints> endpoints;
    private final ExecutorService updates = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private final Map<Integer, Listener> nodePorts = new HashMap<>();
    private final Map<String, TcpForwarder> onDemand = new HashMap<>();
    private EventSource.Registration registration;
    private boolean closed;

    /**
     * A proxy listening on {@code host}, reading Services and Endpoints from the caches.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public HostProxy(Vertx vertx, String host, Lister<Service> services, Lister<Endpoints> endpoints) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.host = Objects.requireNonNull(host, "host");
        this.services = Objects.requireNonNull(services, "services");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    /** Starts following Services from {@code source}: node port listeners open and close as Services change. */
    public synchronized void follow(EventSource source) {
        registration = source.addHandler(Service.TYPE, new ResourceEventHandler<>() {
            @Override
            public void onAdd(Service s) {
                schedule(s);
            }

            @Override
            public void onUpdate(Service old, Service s) {
                schedule(s);
            }

            @Override
            public void onDelete(Service s) {
                schedule(s);
            }
        });
    }

    /** The address listened on. */
    public String host() {
        return host;
    }

    private void schedule(Service s) {
        String ns = s.metadata().namespace();
        String name = s.metadata().name();
        updates.execute(() -> sync(ns, name));
    }

    /**
     * Opens, keeps or closes the node port listeners of the Service {@code namespace/name} as its cached state says.
     * A port another process holds is logged and skipped.
     */
    public synchronized void sync(String namespace, String name) {
        apply(namespace, name, services.get(namespace, name));
    }

    private void apply(String namespace, String name, Optional<Service> service) {
        if (closed) {
            return;
        }
        String key = namespace + "/" + name;
        Map<Integer, Integer> desired = new HashMap<>();
        service.filter(s -> s.spec().usesNodePorts() && !s.metadata().isDeleting())
                .ifPresent(s -> s.spec().ports().stream()
                        .filter(p -> p.nodePort() != null && p.nodePort() > 0 && p.port() != null
                                && ServicePort.TCP.equals(p.effectiveProtocol()))
                        .forEach(p -> desired.put(p.nodePort(), p.port())));
        for (Iterator<Map.Entry<Integer, Listener>> it = nodePorts.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Listener> e = it.next();
            Listener l = e.getValue();
            if (l.service().equals(key) && !Integer.valueOf(l.servicePort()).equals(desired.get(e.getKey()))) {
                l.forwarder().close();
                it.remove();
            }
        }
        desired.forEach((nodePort, servicePort) -> {
            if (nodePorts.containsKey(nodePort)) {
                return;
            }
            try {
                TcpForwarder f = TcpForwarder.start(vertx, host, nodePort, key + ":" + servicePort,
                        () -> backends(namespace, name, servicePort));
                nodePorts.put(nodePort, new Listener(key, servicePort, f));
            } catch (IllegalStateException e) {
                LOG.warn("service {}: {}", key, e.getMessage());
            }
        });
    }

    /** Whether a node port listener for {@code nodePort} is open. */
    public synchronized boolean isListening(int nodePort) {
        return nodePorts.containsKey(nodePort);
    }

    /**
     * The host port forwarding to port {@code servicePort} of {@code service} (as just read from the API): its node
     * port listener when it has one, else a listener opened on a free port on first use and kept until {@link #close()}
     * (like {@code kubectl port-forward svc/name}).
     *
     * @throws IllegalStateException if the proxy is closed or no port can be bound
     */
    public synchronized int forward(Service service, int servicePort) {
        if (closed) {
            throw new IllegalStateException("the host proxy is closed");
        }
        String namespace = service.metadata().namespace();
        String name = service.metadata().name();
        Integer nodePort = service.spec().usesNodePorts() ? service.spec().ports().stream()
                .filter(p -> p.port() != null && p.port() == servicePort).map(ServicePort::nodePort)
                .filter(Objects::nonNull).findFirst().orElse(null) : null;
        if (nodePort != null) {
            apply(namespace, name, Optional.of(service));
            if (nodePorts.containsKey(nodePort)) {
                return nodePort;
            }
        }
        String key = namespace + "/" + name + ":" + servicePort;
        TcpForwarder f = onDemand.get(key);
        if (f == null) {
            f = TcpForwarder.start(vertx, host, 0, key, () -> backends(namespace, name, servicePort));
            onDemand.put(key, f);
        }
        return f.port();
    }

    /** The endpoints of port {@code servicePort} of the Service, from the caches; empty if unknown. */
    public List<Backend> backends(String namespace, String name, int servicePort) {
        Optional<ServicePort> port = services.get(namespace, name).flatMap(s -> s.spec().ports().stream()
                .filter(p -> p.port() != null && p.port() == servicePort).findFirst());
        Optional<Endpoints> found = endpoints.get(namespace, name);
        if (port.isEmpty() || found.isEmpty()) {
            return List.of();
        }
        List<Backend> out = new ArrayList<>();
        for (EndpointSubset subset : found.get().subsets()) {
            Optional<EndpointPort> ep = matching(subset.ports(), port.get());
            ep.ifPresent(p -> {
                for (EndpointAddress a : subset.addresses()) {
                    out.add(new Backend(a.ip(), p.port()));
                }
            });
        }
        return out;
    }

    private static Optional<EndpointPort> matching(List<EndpointPort> ports, ServicePort sp) {
        if (sp.name() == null || sp.name().isEmpty()) {
            return ports.size() == 1 ? Optional.of(ports.getFirst()) : ports.stream()
                    .filter(p -> p.name() == null || p.name().isEmpty()).findFirst();
        }
        return ports.stream().filter(p -> sp.name().equals(p.name()) && p.port() != null).findFirst();
    }

    /** Stops following Services and closes every listener with its connections. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (registration != null) {
                registration.remove();
            }
            nodePorts.values().forEach(l -> l.forwarder().close());
            onDemand.values().forEach(TcpForwarder::close);
            nodePorts.clear();
            onDemand.clear();
        }
        updates.shutdown();
    }
}
