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
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SimpleResolver;

/*
 * Design notes: everything that opens sockets starts on first need, so a control plane that never uses Services
 * pays nothing: the Vert.x instance, the DNS server (first ClusterDns call), the host proxy (first NodePort or
 * LoadBalancer Service, or first hostUrl) and the ingress listener (first Ingress, or first ingressUrl). Node port
 * allocation is admission and runs from the start. The DNS zone is one for all listeners (host and pod networks),
 * so round robin rotates across them; a pod listener per gateway address is bound once and kept until close (a
 * failed bind is remembered too, so the warning is logged once).
 */
/**
 * A cluster's network services: node port allocation (admission), the cluster DNS, the host proxy and the ingress.
 * Created by the cluster builder; users reach it through {@link #services()}, {@link #dns()} and
 * {@link #ingressUrl()}. Thread-safe.
 */
public final class ClusterNetwork implements AutoCloseable {
    /** The port resolvers in containers ask: it cannot be configured in {@code resolv.conf}. */
    static final int POD_DNS_PORT = 53;
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNetwork.class);

    private final NetworkConfig config;
    private final NodePortAllocator nodePorts;
    private SharedInformerFactory informers;
    private ServiceAccess services;
    private ClusterDns dns;
    private Vertx vertx;
    private DnsZone zone;
    private DnsServer dnsServer;
    private final Map<String, Optional<DnsServer>> podDnsServers = new HashMap<>();
    private HostProxy proxy;
    private IngressProxy ingress;
    private boolean closed;

    /** The network of a cluster being built, with {@code config}, on {@code clock}. */
    public ClusterNetwork(NetworkConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.nodePorts = NodePortAllocator.forHost(config.nodePortMin(), config.nodePortMax(), clock,
                config.bindAddress());
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
        dns = new ClusterDns(() -> dnsServer().host(), () -> dnsServer().port(), this::podDnsServer,
                config.clusterDomain());
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

    private synchronized DnsZone zone() {
        if (zone == null) {
            zone = new DnsZone(config.clusterDomain(), config.dnsTtlSeconds(), informers.lister(Service.TYPE),
                    informers.lister(Endpoints.TYPE));
        }
        return zone;
    }

    private synchronized DnsServer dnsServer() {
        if (dnsServer == null) {
            dnsServer = DnsServer.start(vertx(), zone(), upstream(false), config.dnsAddress(), config.dnsPort());
        }
        return dnsServer;
    }

    /** The pod listener on {@code gateway}:53, bound on first call; empty if it cannot be bound (or closed). */
    private synchronized Optional<String> podDnsServer(String gateway) {
        if (closed) {
            return Optional.empty();
        }
        Optional<DnsServer> server = podDnsServers.get(gateway);
        if (server == null) {
            server = bindPodDnsServer(gateway);
            podDnsServers.put(gateway, server);
        }
        return server.map(DnsServer::host);
    }

    private Optional<DnsServer> bindPodDnsServer(String gateway) {
        if (config.dnsPort() == POD_DNS_PORT && config.dnsAddress().equals(gateway)) {
            return Optional.of(dnsServer()); // the host listener was configured on the gateway
        }
        try {
            DnsServer server = DnsServer.start(vertx(), zone(), upstream(true), gateway, POD_DNS_PORT);
            LOG.info("cluster DNS for pods listens on {}:{}", gateway, POD_DNS_PORT);
            return Optional.of(server);
        } catch (IllegalStateException e) {
            LOG.warn("The cluster DNS cannot listen on {}:{}, the pod network gateway of a node: {}. Pods on that "
                    + "network keep their runtime's default resolver and cannot resolve Service names. Port {} needs "
                    + "root (or CAP_NET_BIND_SERVICE) and an address of this host.", gateway, POD_DNS_PORT,
                    e.getMessage(), POD_DNS_PORT);
            return Optional.empty();
        }
    }

    /**
     * Where names outside the cluster domain go: the configured upstream servers; with none, nowhere (REFUSED) for
     * the host listener, and the host's own resolvers for pods (as CoreDNS's {@code forward . /etc/resolv.conf}),
     * so pods still resolve what they resolved before they had the cluster DNS.
     */
    private Resolver upstream(boolean forPods) {
        if (config.upstreamDns().isEmpty()) {
            return forPods ? hostResolvers() : null;
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

    private static Resolver hostResolvers() {
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        if (servers.isEmpty()) {
            return null;
        }
        List<Resolver> resolvers = new ArrayList<>();
        servers.forEach(a -> resolvers.add(new SimpleResolver(a)));
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
        podDnsServers.values().forEach(s -> s.ifPresent(DnsServer::close));
        if (vertx != null) {
            vertx.close();
        }
    }
}
