package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;
import java.util.Map;

/**
 * The desired state of a Service: which pods it selects, the ports it exposes and how it is reached. Immutable;
 * collections are never {@code null}, scalars are {@code null} when unset (the server defaults {@code type} to
 * ClusterIP and {@code sessionAffinity} to None).
 *
 * @param ports                         the ports exposed
 * @param selector                      the labels of the pods traffic goes to; none means endpoints are managed by
 *                                      hand
 * @param clusterIP                     the virtual IP, assigned on create; {@link #CLUSTER_IP_NONE} makes the Service
 *                                      headless (DNS returns the pods' IPs)
 * @param clusterIPs                    the virtual IPs, one per IP family, the first equal to {@code clusterIP}
 * @param type                          one of {@link #TYPES}
 * @param externalIPs                   extra IPs on which nodes accept traffic for the Service
 * @param sessionAffinity               {@link #AFFINITY_NONE} or {@link #AFFINITY_CLIENT_IP}
 * @param loadBalancerIP                the IP asked of the load balancer (deprecated in Kubernetes, still honoured)
 * @param loadBalancerSourceRanges      CIDRs allowed to reach the load balancer
 * @param externalName                  the DNS name an ExternalName Service aliases
 * @param externalTrafficPolicy         {@link #TRAFFIC_POLICY_CLUSTER} or {@link #TRAFFIC_POLICY_LOCAL} for external
 *                                      traffic
 * @param healthCheckNodePort           the node port of the health check of a Local LoadBalancer Service
 * @param publishNotReadyAddresses      whether not-ready pods are published in DNS and endpoints
 * @param sessionAffinityConfig         settings of ClientIP affinity
 * @param ipFamilies                    {@code IPv4} and/or {@code IPv6}
 * @param ipFamilyPolicy                {@code SingleStack}, {@code PreferDualStack} or {@code RequireDualStack}
 * @param allocateLoadBalancerNodePorts whether a LoadBalancer Service gets node ports
 * @param loadBalancerClass             the load balancer implementation to use
 * @param internalTrafficPolicy         {@link #TRAFFIC_POLICY_CLUSTER} or {@link #TRAFFIC_POLICY_LOCAL} for in-cluster
 *                                      traffic
 */
public record ServiceSpec(List<ServicePort> ports, Map<String, String> selector, String clusterIP,
                          List<String> clusterIPs, String type, List<String> externalIPs, String sessionAffinity,
                          String loadBalancerIP, List<String> loadBalancerSourceRanges, String externalName,
                          String externalTrafficPolicy, Integer healthCheckNodePort, Boolean publishNotReadyAddresses,
                          SessionAffinityConfig sessionAffinityConfig, List<String> ipFamilies, String ipFamilyPolicy,
                          Boolean allocateLoadBalancerNodePorts, String loadBalancerClass,
                          String internalTrafficPolicy) {
    /** Reachable inside the cluster on a virtual IP (the default). */
    public static final String TYPE_CLUSTER_IP = "ClusterIP";
    /** Also reachable on a port of every node. */
    public static final String TYPE_NODE_PORT = "NodePort";
    /** Also reachable through a load balancer (in Flotilla, the host proxy). */
    public static final String TYPE_LOAD_BALANCER = "LoadBalancer";
    /** A DNS alias (CNAME) of an external name; no proxying. */
    public static final String TYPE_EXTERNAL_NAME = "ExternalName";
    /** Every Service type. */
    public static final List<String> TYPES =
            List.of(TYPE_CLUSTER_IP, TYPE_EXTERNAL_NAME, TYPE_LOAD_BALANCER, TYPE_NODE_PORT);
    /** The {@code clusterIP} of a headless Service. */
    public static final String CLUSTER_IP_NONE = "None";
    /** No session affinity (the default). */
    public static final String AFFINITY_NONE = "None";
    /** Connections from one client IP go to the same pod. */
    public static final String AFFINITY_CLIENT_IP = "ClientIP";
    /** Every session affinity. */
    public static final List<String> SESSION_AFFINITIES = List.of(AFFINITY_CLIENT_IP, AFFINITY_NONE);
    /** Traffic may go to endpoints on any node (the default). */
    public static final String TRAFFIC_POLICY_CLUSTER = "Cluster";
    /** Traffic goes only to endpoints on the node that received it. */
    public static final String TRAFFIC_POLICY_LOCAL = "Local";
    /** Every traffic policy. */
    public static final List<String> TRAFFIC_POLICIES = List.of(TRAFFIC_POLICY_CLUSTER, TRAFFIC_POLICY_LOCAL);
    /** Every IP family. */
    public static final List<String> IP_FAMILIES = List.of("IPv4", "IPv6");
    /** Every IP family policy. */
    public static final List<String> IP_FAMILY_POLICIES = List.of("PreferDualStack", "RequireDualStack", "SingleStack");

    /** Normalises absent collections. */
    public ServiceSpec {
        ports = Immutables.list(ports);
        selector = Immutables.map(selector);
        clusterIPs = Immutables.list(clusterIPs);
        externalIPs = Immutables.list(externalIPs);
        loadBalancerSourceRanges = Immutables.list(loadBalancerSourceRanges);
        ipFamilies = Immutables.list(ipFamilies);
    }

    /** The type, {@link #TYPE_CLUSTER_IP} when unset. */
    public String effectiveType() {
        return type == null || type.isEmpty() ? TYPE_CLUSTER_IP : type;
    }

    /** Whether the Service is headless: {@code clusterIP: None}. */
    public boolean isHeadless() {
        return CLUSTER_IP_NONE.equals(clusterIP);
    }

    /** Whether the Service is reachable from outside the cluster through node ports. */
    public boolean usesNodePorts() {
        String t = effectiveType();
        return t.equals(TYPE_NODE_PORT) || t.equals(TYPE_LOAD_BALANCER);
    }
}
