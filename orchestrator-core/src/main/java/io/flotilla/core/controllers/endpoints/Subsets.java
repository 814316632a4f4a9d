package io.flotilla.core.controllers.endpoints;

import io.flotilla.api.core.Container;
import io.flotilla.api.core.ContainerPort;
import io.flotilla.api.core.EndpointAddress;
import io.flotilla.api.core.EndpointPort;
import io.flotilla.api.core.EndpointSubset;
import io.flotilla.api.core.ObjectReference;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Service;
import io.flotilla.api.core.ServicePort;
import io.flotilla.api.meta.IntOrString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/*
 * Design notes: Kubernetes' endpoints controller computes one address and one port list per pod, then packs pods
 * with identical port lists into one subset (a named target port may resolve to different numbers on different
 * pods). Addresses are sorted by IP so an unchanged set of pods yields an equal object and no write.
 */
/** Computes the subsets of a Service's Endpoints from the pods it selects. Stateless and thread-safe. */
final class Subsets {
    private static final Comparator<EndpointAddress> BY_IP = Comparator.comparing(EndpointAddress::ip);

    /**
     * The computed subsets and the problems found (one message per pod and port that could not be resolved).
     *
     * @param subsets  the subsets, never {@code null}
     * @param problems human-readable problems, never {@code null}
     */
    record Computed(List<EndpointSubset> subsets, List<String> problems) {
    }

    private record Group(List<EndpointAddress> ready, List<EndpointAddress> notReady) {
    }

    private Subsets() {
    }

    /** The subsets for {@code service} over the candidate {@code pods} (already matching its selector). */
    static Computed compute(Service service, List<Pod> pods) {
        boolean publishNotReady = Boolean.TRUE.equals(service.spec().publishNotReadyAddresses());
        Map<List<EndpointPort>, Group> groups = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Pod pod : pods) {
            if (!included(pod, publishNotReady)) {
                continue;
            }
            List<EndpointPort> ports = new ArrayList<>();
            for (ServicePort sp : service.spec().ports()) {
                EndpointPort resolved = resolve(sp, pod);
                if (resolved == null) {
                    problems.add("pod " + pod.metadata().name() + " has no container port named "
                            + sp.targetPort().stringValue() + " (" + sp.effectiveProtocol() + ") for service port "
                            + (sp.name() == null ? String.valueOf(sp.port()) : sp.name()) + "; it is left out");
                } else {
                    ports.add(resolved);
                }
            }
            if (ports.isEmpty() && !service.spec().ports().isEmpty()) {
                continue;
            }
            Group group = groups.computeIfAbsent(List.copyOf(ports), k -> new Group(new ArrayList<>(),
                    new ArrayList<>()));
            (publishNotReady || pod.isReady() ? group.ready() : group.notReady()).add(address(service, pod));
        }
        List<EndpointSubset> subsets = new ArrayList<>();
        groups.forEach((ports, g) -> {
            g.ready().sort(BY_IP);
            g.notReady().sort(BY_IP);
            subsets.add(new EndpointSubset(g.ready(), g.notReady(), ports));
        });
        return new Computed(List.copyOf(subsets), List.copyOf(problems));
    }

    /** Kubernetes' {@code ShouldPodBeInEndpoints}: an IP, not finished, not being deleted (unless published). */
    private static boolean included(Pod pod, boolean publishNotReady) {
        if (pod.status() == null || pod.status().podIP() == null || pod.status().podIP().isEmpty()) {
            return false;
        }
        if (pod.isTerminal()) {
            return false;
        }
        return publishNotReady || !pod.metadata().isDeleting();
    }

    private static EndpointAddress address(Service service, Pod pod) {
        var meta = pod.metadata();
        ObjectReference ref = new ObjectReference("Pod", meta.namespace(), meta.name(), meta.uid(), "v1", null, null);
        String hostname = null;
        String podHostname = pod.spec() == null ? null : pod.spec().hostname();
        if (podHostname != null && !podHostname.isEmpty()
                && Objects.equals(pod.spec().subdomain(), service.metadata().name())
                && Objects.equals(meta.namespace(), service.metadata().namespace())) {
            hostname = podHostname;
        }
        return new EndpointAddress(pod.status().podIP(), hostname, pod.nodeName(), ref);
    }

    /** The endpoint port of {@code sp} on {@code pod}, or {@code null} if a named target port is missing. */
    static EndpointPort resolve(ServicePort sp, Pod pod) {
        IntOrString target = sp.effectiveTargetPort();
        Integer number = null;
        if (target != null && target.isInt()) {
            number = target.intValue();
        } else if (target != null && pod.spec() != null) {
            for (Container c : pod.spec().containers()) {
                for (ContainerPort cp : c.ports()) {
                    if (target.stringValue().equals(cp.name())
                            && cp.effectiveProtocol().equals(sp.effectiveProtocol())) {
                        number = cp.containerPort();
                    }
                }
            }
        }
        if (number == null) {
            return null;
        }
        return new EndpointPort(sp.name(), number, sp.effectiveProtocol(), sp.appProtocol());
    }
}
