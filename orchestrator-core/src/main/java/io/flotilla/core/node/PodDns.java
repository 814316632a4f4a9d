package io.flotilla.core.node;

import io.flotilla.api.core.Event;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodDNSConfig;
import io.flotilla.api.core.PodDNSConfigOption;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.DnsConfig;
import io.flotilla.core.client.events.EventRecorder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/*
 * Design notes: kubelet's pkg/kubelet/network/dns. ClusterFirst on the host network means Default, and
 * ClusterFirstWithHostNet off it means ClusterFirst. When the runtime has no pod network gateway (host network
 * only, the simulated runtime) ClusterFirst quietly means Default; when it has one but the cluster DNS cannot serve
 * there, the pod gets kubelet's MissingClusterDNS warning and Default. Default leaves the resolver to the runtime
 * (the node's), with the pod's dnsConfig applied on top.
 */
/** The resolver configuration of each pod sandbox on one node, as kubelet computes it. Thread-safe. */
final class PodDns {
    private static final int MAX_NAMESERVERS = 3;
    private static final int MAX_SEARCHES = 32;

    private final ClusterDnsLocator locator;
    private final ContainerRuntime runtime;
    private final String clusterId;
    private final EventRecorder events;

    PodDns(ClusterDnsLocator locator, ContainerRuntime runtime, String clusterId, EventRecorder events) {
        this.locator = locator;
        this.runtime = runtime;
        this.clusterId = clusterId;
        this.events = events;
    }

    /** The sandbox DNS configuration of {@code pod}, or {@code null} for the runtime's default resolver. */
    DnsConfig forPod(Pod pod) {
        PodSpec spec = pod.spec();
        boolean hostNetwork = Boolean.TRUE.equals(spec.hostNetwork());
        String policy = spec.dnsPolicy() == null ? PodSpec.DNS_CLUSTER_FIRST : spec.dnsPolicy();
        if (hostNetwork && policy.equals(PodSpec.DNS_CLUSTER_FIRST)) {
            policy = PodSpec.DNS_DEFAULT;
        }
        DnsConfig base = switch (policy) {
            case PodSpec.DNS_NONE, PodSpec.DNS_DEFAULT -> null;
            default -> clusterFirst(pod);
        };
        return merge(base, spec.dnsConfig());
    }

    private DnsConfig clusterFirst(Pod pod) {
        Optional<String> gateway;
        try {
            gateway = runtime.podNetworkGateway(clusterId);
        } catch (ContainerRuntimeException e) {
            gateway = Optional.empty(); // runPodSandbox reports the runtime's trouble
        }
        if (gateway.isEmpty()) {
            return null;
        }
        Optional<String> server = locator.nameserverOn(gateway.get());
        if (server.isEmpty()) {
            events.record(pod, Event.WARNING, "MissingClusterDNS", "pod: \"%s_%s(%s)\". kubelet does not have "
                    + "ClusterDNS IP configured and cannot create Pod using \"ClusterFirst\" policy. Falling back to "
                    + "\"Default\" policy.", pod.metadata().name(), pod.metadata().namespace(), pod.metadata().uid());
            return null;
        }
        String domain = locator.clusterDomain();
        String ns = pod.metadata().namespace();
        return new DnsConfig(List.of(server.get()), List.of(ns + ".svc." + domain, "svc." + domain, domain),
                List.of("ndots:5"));
    }

    /** {@code base} with the pod's own settings appended (options override by name), as kubelet merges them. */
    static DnsConfig merge(DnsConfig base, PodDNSConfig pod) {
        if (pod == null) {
            return base;
        }
        DnsConfig from = base != null ? base : new DnsConfig(List.of(), List.of(), List.of());
        LinkedHashSet<String> servers = new LinkedHashSet<>(from.servers());
        servers.addAll(pod.nameservers());
        LinkedHashSet<String> searches = new LinkedHashSet<>(from.searches());
        searches.addAll(pod.searches());
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : from.options()) {
            int colon = option.indexOf(':');
            options.put(colon < 0 ? option : option.substring(0, colon), option);
        }
        for (PodDNSConfigOption option : pod.options()) {
            options.put(option.name(), option.toResolvConf());
        }
        return new DnsConfig(first(servers, MAX_NAMESERVERS), first(searches, MAX_SEARCHES),
                List.copyOf(options.values()));
    }

    private static List<String> first(LinkedHashSet<String> values, int max) {
        List<String> list = new ArrayList<>(values);
        return list.size() > max ? List.copyOf(list.subList(0, max)) : List.copyOf(list);
    }
}
