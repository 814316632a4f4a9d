package io.flotilla.core.network;

import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Service;
import io.flotilla.api.networking.Ingress;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.core.controller.ResourceEventHandler;
import io.flotilla.core.network.dns.DnsServer;
import io.flotilla.core.network.dns.DnsZone;
import io.flotilla.core.network.ingress.IngressProxy;
import io.flotilla.core.network.proxy.HostProxy;
import io.flotilla.core.time.Clock;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;

/*
 * Design notes: everything that opens sockets starts on first need, so a control plane that never uses Services
 * pays nothing: the Vert.x instance, the DNS server (first ClusterDns call), the host proxy (first NodePort or
 * LoadBalancer Service, or first hostUrl) and the ingress listener (first Ingress, or first ingressUrl). Node port
 * allocation is admission and runs from the start.
 */
/**
 * A cluster's network services: node port allocation (admission), the cluster DNS, the host proxy and the ingress.
 * Created by the cluster builder; users reach it through {@link #services()}, {@link #dns()} and
 * {@link #ingressUrl()}. Thread-safe.
 */
public final class ClusterNetwork implements AutoCloseable {
    private final NetworkConfig config;
    private final NodePortAllocator nodePorts;
    private SharedInformerFactory informers;
    private ServiceAccess services;
    private ClusterDns dns;
    private Vertx vertx;
    private DnsServer dnsServer;
    private HostProxy proxy;
    private IngressProxy ingress;
    private boolean closed;

    /** The network of a cluster being built, with {@code config}, on {@code clock}. */
    public ClusterNetwork(NetworkConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.nodePorts = new NodePortAllocator(config.nodePortMin(), config.nodePortMax(), clock);
    }

    /** The node port allocator, whose admissions the builder registers with the API layer. */
    public NodePortAllocator nodePorts() {
        return nodePorts;
    }

    /**
     * Connects to the started control plane: node ports are checked against the Service cache, and NodePort,
     * LoadBalancer and Ingress objects start the host proxy and ingress when they appear.
     */
    public synchronized void start(Client client, SharedInformerFactory informers) {
        this.informers = Objects.requireNonNull(informers, "informers");
        var serviceLister = informers.lister(Service.TYPE);
        nodePorts.services(serviceLister::list);
        services = new ServiceAccess(client, this::proxy);
        dns = new ClusterDns(this::dnsServer, config.clusterDomain());
        informers.addHandler(Service.TYPE, onAdd(s -> {
            if (s.spec().usesNodePorts()) {
                proxy();
            }
        }));
        informers.addHandler(Ingress.TYPE, onAdd(i -> ingress()));
    }

    private static <T extends io.flotilla.api.meta.Resource> ResourceEventHandler<T> onAdd(
            java.util.function.Consumer<T> action) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                action.accept(object);
            }

            @Override
            public void onUpdate(T oldObject, T newObject) {
                action.accept(newObject);
            }

            @Override
            public void onDelete(T object) {
                // nothing starts on a delete
            }
        };
    }

    /** Reaching Services from the host. */
    public synchronized ServiceAccess services() {
        checkStarted();
        return services;
    }

    /** The cluster DNS (its server starts on first use). */
    public synchronized ClusterDns dns() {
        checkStarted();
        return dns;
    }

    /**
     * The URL of the ingress listener, {@code http://<address>:<port>}, starting it if needed.
     *
     * @throws IllegalStateException if the port cannot be bound
     */
    public URI ingressUrl() {
        IngressProxy p = ingress();
        String host = config.bindAddress().contains(":") ? "[" + config.bindAddress() + "]" : config.bindAddress();
        return URI.create("http://" + host + ":" + p.port());
    }

    private void checkStarted() {
        if (informers == null) {
            throw new IllegalStateException("the cluster network is not started");
        }
        if (closed) {
            throw new IllegalStateException("the cluster network is closed");
        }
    }

    private synchronized Vertx vertx() {
        checkStarted();
        if (vertx == null) {
            vertx = Vertx.vertx();
        }
        return vertx;
    }

    private synchronized DnsServer dnsServer() {
        if (dnsServer == null) {
            DnsZone zone = new DnsZone(config.clusterDomain(), config.dnsTtlSeconds(),
                    informers.lister(Service.TYPE), informers.lister(Endpoints.TYPE));
            dnsServer = DnsServer.start(vertx(), zone, upstream(), config.dnsAddress(), config.dnsPort());
        }
        return dnsServer;
    }

    private Resolver upstream() {
        if (config.upstreamDns().isEmpty()) {
            return null;
        }
        List<Resolver> resolvers = new ArrayList<>();
        for (String server : config.upstreamDns()) {
            int colon = server.lastIndexOf(':');
            boolean withPort = colon > 0 && server.indexOf(':') == colon;
            try {
                SimpleResolver r = new SimpleResolver(withPort ? server.substring(0, colon) : server);
                if (withPort) {
                    r.setPort(Integer.parseInt(server.substring(colon + 1)));
                }
                resolvers.add(r);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalStateException("bad upstream DNS server " + server + ": " + e.getMessage(), e);
            }
        }
        return new ExtendedResolver(resolvers);
    }

    private synchronized HostProxy proxy() {
        if (proxy == null) {
            proxy = new HostProxy(vertx(), config.bindAddress(), informers.lister(Service.TYPE),
                    informers.lister(Endpoints.TYPE));
            proxy.follow(informers);
        }
        return proxy;
    }

    private synchronized IngressProxy ingress() {
        if (ingress == null) {
            ingress = IngressProxy.start(vertx(), config.bindAddress(), config.ingressPort(),
                    informers.lister(Ingress.TYPE), informers.lister(Service.TYPE), proxy());
        }
        return ingress;
    }

    /** Closes every listener and the Vert.x instance. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ingress != null) {
            ingress.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (dnsServer != null) {
            dnsServer.close();
        }
        if (vertx != null) {
            vertx.close();
        }
    }
}
