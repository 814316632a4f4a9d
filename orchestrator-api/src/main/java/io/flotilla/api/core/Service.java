package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.ResourceBuilder;
import io.flotilla.api.meta.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stable name and virtual IP for a set of pods chosen by labels, reachable in the cluster and, for NodePort and
 * LoadBalancer Services, from the host.
 *
 * <pre>{@code
 * Service web = Service.named("web").selector("app", "web").port(80).nodePort().build();
 * Service api = Service.named("api").selector("app", "api")
 *         .port("http", 80, "http").port("grpc", 9090, 9090).build();
 * Service db = Service.named("db").headless().selector("app", "db").port(5432).build();
 * Service ext = Service.named("payments").externalName("payments.example.com").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #spec()} is never {@code null}; {@link #status()} is {@code null} until
 * observed.
 *
 * @param metadata standard metadata; the name is a DNS-1035 label (it becomes a DNS name)
 * @param spec     the selector, ports and type
 * @param status   the load balancer's addresses
 */
public record Service(ObjectMeta metadata, ServiceSpec spec, ServiceStatus status) implements HasStatus<ServiceStatus> {

    /** The {@code v1/Service} kind. */
    public static final ResourceType<Service> TYPE =
            new ResourceType<>(Service.class, "v1", "Service", "services", true, ServiceValidation::validate);

    private static final ServiceSpec EMPTY_SPEC = new ServiceSpec(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null);

    /** Normalises absent values. */
    public Service {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        spec = spec == null ? EMPTY_SPEC : spec;
    }

    /** A builder for a Service named {@code name}. */
    public static Builder named(String name) {
        return new Builder(ObjectMeta.named(name));
    }

    /** A builder holding this Service's metadata and spec (the status is not carried over). */
    public Builder toBuilder() {
        return new Builder(metadata).from(spec);
    }

    @Override
    public ResourceType<Service> type() {
        return TYPE;
    }

    @Override
    public Service withMetadata(ObjectMeta metadata) {
        return new Service(metadata, spec, status);
    }

    @Override
    public Service withStatus(ServiceStatus status) {
        return new Service(metadata, spec, status);
    }

    /**
     * Fluent builder of {@link Service}. Not thread-safe.
     *
     * <p>The builder writes only what is asked: {@code port(80)} leaves {@code protocol} and {@code targetPort}
     * unset, exactly like the YAML {@code - port: 80}, and the server-side defaults fill them in.
     */
    public static final class Builder extends ResourceBuilder<Builder, Service> {
        private List<ServicePort> ports = new ArrayList<>();
        private Map<String, String> selector = Map.of();
        private String clusterIP;
        private List<String> clusterIPs = List.of();
        private String type;
        private List<String> externalIPs = List.of();
        private String sessionAffinity;
        private String loadBalancerIP;
        private List<String> loadBalancerSourceRanges = List.of();
        private String externalName;
        private String externalTrafficPolicy;
        private Integer healthCheckNodePort;
        private Boolean publishNotReadyAddresses;
        private SessionAffinityConfig sessionAffinityConfig;
        private List<String> ipFamilies = List.of();
        private String ipFamilyPolicy;
        private Boolean allocateLoadBalancerNodePorts;
        private String loadBalancerClass;
        private String internalTrafficPolicy;

        private Builder(ObjectMeta metadata) {
            super(metadata);
        }

        private Builder from(ServiceSpec s) {
            ports = new ArrayList<>(s.ports());
            selector = s.selector();
            clusterIP = s.clusterIP();
            clusterIPs = s.clusterIPs();
            type = s.type();
            externalIPs = s.externalIPs();
            sessionAffinity = s.sessionAffinity();
            loadBalancerIP = s.loadBalancerIP();
            loadBalancerSourceRanges = s.loadBalancerSourceRanges();
            externalName = s.externalName();
            externalTrafficPolicy = s.externalTrafficPolicy();
            healthCheckNodePort = s.healthCheckNodePort();
            publishNotReadyAddresses = s.publishNotReadyAddresses();
            sessionAffinityConfig = s.sessionAffinityConfig();
            ipFamilies = s.ipFamilies();
            ipFamilyPolicy = s.ipFamilyPolicy();
            allocateLoadBalancerNodePorts = s.allocateLoadBalancerNodePorts();
            loadBalancerClass = s.loadBalancerClass();
            internalTrafficPolicy = s.internalTrafficPolicy();
            return this;
        }

        /** Adds or replaces one label of {@code spec.selector}. */
        public Builder selector(String key, String value) {
            selector = Immutables.with(selector, key, value);
            return this;
        }

        /** Replaces {@code spec.selector}. */
        public Builder selector(Map<String, String> selector) {
            this.selector = Immutables.map(selector);
            return this;
        }

        /** Adds a port; see {@link ServicePort}'s factories. */
        public Builder port(ServicePort port) {
            ports.add(java.util.Objects.requireNonNull(port, "port"));
            return this;
        }

        /** Adds an unnamed port forwarding to the same port on the pods ({@code - port: 80}). */
        public Builder port(int port) {
            return port(ServicePort.of(port));
        }

        /** Adds an unnamed port forwarding to {@code targetPort} on the pods. */
        public Builder port(int port, int targetPort) {
            return port(ServicePort.of(port, targetPort));
        }

        /** Adds a named port forwarding to {@code targetPort} on the pods. */
        public Builder port(String name, int port, int targetPort) {
            return port(ServicePort.named(name, port, targetPort));
        }

        /** Adds a named port forwarding to the pods' container port named {@code targetPortName}. */
        public Builder port(String name, int port, String targetPortName) {
            return port(ServicePort.named(name, port, targetPortName));
        }

        /** Sets {@code spec.type}, one of {@link ServiceSpec#TYPES}. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** Makes this a NodePort Service: every port also gets a port on each node, allocated by the server. */
        public Builder nodePort() {
            return type(ServiceSpec.TYPE_NODE_PORT);
        }

        /**
         * Makes this a NodePort Service, with {@code nodePort} as the node port of the port added last.
         *
         * @throws IllegalStateException if no port was added yet
         */
        public Builder nodePort(int nodePort) {
            if (ports.isEmpty()) {
                throw new IllegalStateException("add a port before its nodePort");
            }
            ports.set(ports.size() - 1, ports.getLast().withNodePort(nodePort));
            return nodePort();
        }

        /** Makes this a LoadBalancer Service (in Flotilla, served by the host proxy). */
        public Builder loadBalancer() {
            return type(ServiceSpec.TYPE_LOAD_BALANCER);
        }

        /** Makes this Service headless ({@code clusterIP: None}): DNS returns the pods' own IPs. */
        public Builder headless() {
            return clusterIP(ServiceSpec.CLUSTER_IP_NONE);
        }

        /** Sets {@code spec.clusterIP}: an IP to claim, or {@code None} (see {@link #headless()}). */
        public Builder clusterIP(String clusterIP) {
            this.clusterIP = clusterIP;
            return this;
        }

        /** Makes this an ExternalName Service: a DNS alias of {@code dnsName}, without selector or proxying. */
        public Builder externalName(String dnsName) {
            this.externalName = dnsName;
            return type(ServiceSpec.TYPE_EXTERNAL_NAME);
        }

        /** Adds one of {@code spec.externalIPs}. */
        public Builder externalIP(String ip) {
            externalIPs = Immutables.with(externalIPs, ip);
            return this;
        }

        /** Sets {@code spec.sessionAffinity}, one of {@link ServiceSpec#SESSION_AFFINITIES}. */
        public Builder sessionAffinity(String sessionAffinity) {
            this.sessionAffinity = sessionAffinity;
            return this;
        }

        /** Sends each client IP to the same pod, for {@code timeoutSeconds} after its last connection. */
        public Builder clientIPAffinity(int timeoutSeconds) {
            this.sessionAffinityConfig = SessionAffinityConfig.clientIP(timeoutSeconds);
            return sessionAffinity(ServiceSpec.AFFINITY_CLIENT_IP);
        }

        /** Sets {@code spec.publishNotReadyAddresses}. */
        public Builder publishNotReadyAddresses(Boolean publish) {
            this.publishNotReadyAddresses = publish;
            return this;
        }

        /** Sets {@code spec.externalTrafficPolicy}, one of {@link ServiceSpec#TRAFFIC_POLICIES}. */
        public Builder externalTrafficPolicy(String policy) {
            this.externalTrafficPolicy = policy;
            return this;
        }

        /** Sets {@code spec.internalTrafficPolicy}, one of {@link ServiceSpec#TRAFFIC_POLICIES}. */
        public Builder internalTrafficPolicy(String policy) {
            this.internalTrafficPolicy = policy;
            return this;
        }

        /** Sets {@code spec.loadBalancerIP}. */
        public Builder loadBalancerIP(String ip) {
            this.loadBalancerIP = ip;
            return this;
        }

        /** Adds a CIDR to {@code spec.loadBalancerSourceRanges}. */
        public Builder loadBalancerSourceRange(String cidr) {
            loadBalancerSourceRanges = Immutables.with(loadBalancerSourceRanges, cidr);
            return this;
        }

        /** Sets {@code spec.loadBalancerClass}. */
        public Builder loadBalancerClass(String loadBalancerClass) {
            this.loadBalancerClass = loadBalancerClass;
            return this;
        }

        /** Adds one of {@code spec.ipFamilies}: {@code IPv4} or {@code IPv6}. */
        public Builder ipFamily(String family) {
            ipFamilies = Immutables.with(ipFamilies, family);
            return this;
        }

        /** Sets {@code spec.ipFamilyPolicy}, one of {@link ServiceSpec#IP_FAMILY_POLICIES}. */
        public Builder ipFamilyPolicy(String policy) {
            this.ipFamilyPolicy = policy;
            return this;
        }

        private ServiceSpec spec() {
            return new ServiceSpec(ports, selector, clusterIP, clusterIPs, type, externalIPs, sessionAffinity,
                    loadBalancerIP, loadBalancerSourceRanges, externalName, externalTrafficPolicy, healthCheckNodePort,
                    publishNotReadyAddresses, sessionAffinityConfig, ipFamilies, ipFamilyPolicy,
                    allocateLoadBalancerNodePorts, loadBalancerClass, internalTrafficPolicy);
        }

        @Override
        public Service build() {
            return new Service(metadata(), spec(), null);
        }
    }
}
