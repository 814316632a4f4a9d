package io.flotilla.api.scheduler;

import io.flotilla.api.core.Affinity;
import io.flotilla.api.core.Container;
import io.flotilla.api.core.ContainerPort;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodAffinityTerm;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.ResourceRequirements;
import io.flotilla.api.core.WeightedPodAffinityTerm;
import io.flotilla.api.meta.Quantity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pod with everything the scheduler needs parsed once, like Kubernetes' {@code framework.PodInfo}: its resource
 * requests (Kubernetes' rule: the sum over containers, at least the largest init container), the "non-zero"
 * requests used for scoring (100m CPU and 200Mi memory for containers that request none), its host ports, its
 * priority and its parsed pod affinity and anti-affinity terms. Immutable and thread-safe; all getters are plain
 * field reads.
 */
public final class PodInfo {

    /** The CPU (millicores) assumed for scoring a container that requests none, as in Kubernetes. */
    public static final long DEFAULT_MILLI_CPU_REQUEST = 100;
    /** The memory (bytes) assumed for scoring a container that requests none, as in Kubernetes. */
    public static final long DEFAULT_MEMORY_REQUEST = 200L * 1024 * 1024;

    private final Pod pod;
    private final String id;
    private final String key;
    private final int priority;
    private final Resources requests;
    private final Resources nonZeroRequests;
    private final List<ContainerPort> hostPorts;
    private final List<AffinityTerm> requiredAffinityTerms;
    private final List<AffinityTerm> requiredAntiAffinityTerms;
    private final List<WeightedAffinityTerm> preferredAffinityTerms;
    private final List<WeightedAffinityTerm> preferredAntiAffinityTerms;

    private PodInfo(Pod pod) {
        this.pod = pod;
        String ns = namespaceOf(pod);
        this.key = ns + "/" + pod.metadata().name();
        this.id = pod.metadata().uid() != null ? pod.metadata().uid() : key;
        PodSpec spec = pod.spec();
        this.priority = spec == null || spec.priority() == null ? 0 : spec.priority();
        this.requests = spec == null ? Resources.ZERO : requestsOf(spec, false);
        this.nonZeroRequests = spec == null ? Resources.ZERO : requestsOf(spec, true);
        this.hostPorts = spec == null ? List.of() : hostPortsOf(spec);
        Affinity a = spec == null ? null : spec.affinity();
        var pa = a == null ? null : a.podAffinity();
        var anti = a == null ? null : a.podAntiAffinity();
        this.requiredAffinityTerms = pa == null ? List.of() : terms(pa.requiredDuringSchedulingIgnoredDuringExecution(), ns);
        this.preferredAffinityTerms = pa == null ? List.of()
                : weighted(pa.preferredDuringSchedulingIgnoredDuringExecution(), ns);
        this.requiredAntiAffinityTerms = anti == null ? List.of()
                : terms(anti.requiredDuringSchedulingIgnoredDuringExecution(), ns);
        this.preferredAntiAffinityTerms = anti == null ? List.of()
                : weighted(anti.preferredDuringSchedulingIgnoredDuringExecution(), ns);
    }

    /**
     * Parses {@code pod}.
     *
     * @param pod the pod; not null
     */
    public static PodInfo of(Pod pod) {
        return new PodInfo(Objects.requireNonNull(pod, "pod"));
    }

    /**
     * The {@linkplain #id() id} {@code PodInfo.of(pod)} would have, without parsing the pod.
     *
     * @param pod the pod; not null
     */
    public static String idOf(Pod pod) {
        String uid = pod.metadata().uid();
        return uid != null ? uid : namespaceOf(pod) + "/" + pod.metadata().name();
    }

    // a newer version of the same pod whose parsed fields are unchanged: shares them
    private PodInfo(PodInfo base, Pod pod) {
        this.pod = pod;
        this.key = base.key;
        this.id = base.id;
        this.priority = base.priority;
        this.requests = base.requests;
        this.nonZeroRequests = base.nonZeroRequests;
        this.hostPorts = base.hostPorts;
        this.requiredAffinityTerms = base.requiredAffinityTerms;
        this.preferredAffinityTerms = base.preferredAffinityTerms;
        this.requiredAntiAffinityTerms = base.requiredAntiAffinityTerms;
        this.preferredAntiAffinityTerms = base.preferredAntiAffinityTerms;
    }

    /**
     * This info for the pod with {@code spec.nodeName} set to {@code nodeName} (what the scheduler assumes before
     * binding); the parsed requests, ports and terms are shared, since none depends on the node name.
     *
     * @param nodeName the node; not null
     * @throws NullPointerException if the pod has no spec
     */
    public PodInfo withNodeName(String nodeName) {
        return new PodInfo(this, pod.withSpec(pod.spec().withNodeName(Objects.requireNonNull(nodeName, "nodeName"))));
    }

    /**
     * The info of {@code newer}, a later version of this pod: shares this info's parsed data when the namespace,
     * name, uid and spec are unchanged (a status or metadata update, or the binding of a pod this info already
     * assumed on that node), and parses {@code newer} otherwise.
     *
     * @param newer the newer version; not null
     */
    public PodInfo withPod(Pod newer) {
        boolean same = Objects.equals(newer.metadata().uid(), pod.metadata().uid())
                && Objects.equals(newer.metadata().name(), pod.metadata().name())
                && namespaceOf(newer).equals(namespaceOf(pod)) && Objects.equals(newer.spec(), pod.spec());
        return same ? new PodInfo(this, newer) : of(newer);
    }

    /** The namespace of {@code pod}, {@code default} when unset. */
    public static String namespaceOf(Pod pod) {
        String ns = pod.metadata().namespace();
        return ns == null || ns.isEmpty() ? "default" : ns;
    }

    /** The pod; never null. */
    public Pod pod() {
        return pod;
    }

    /** The pod's identity in the scheduler: its uid, or its key when it has no uid yet. Never null. */
    public String id() {
        return id;
    }

    /** {@code namespace/name}; never null. */
    public String key() {
        return key;
    }

    /** {@code spec.priority}, 0 when unset. */
    public int priority() {
        return priority;
    }

    /** The pod's resource requests; never null. */
    public Resources requests() {
        return requests;
    }

    /** The requests with Kubernetes' scoring defaults for containers that request no CPU or memory. */
    public Resources nonZeroRequests() {
        return nonZeroRequests;
    }

    /** The container ports that ask for a host port; never null, unmodifiable. */
    public List<ContainerPort> hostPorts() {
        return hostPorts;
    }

    /** Required pod affinity terms; never null, unmodifiable. */
    public List<AffinityTerm> requiredAffinityTerms() {
        return requiredAffinityTerms;
    }

    /** Required pod anti-affinity terms; never null, unmodifiable. */
    public List<AffinityTerm> requiredAntiAffinityTerms() {
        return requiredAntiAffinityTerms;
    }

    /** Preferred pod affinity terms; never null, unmodifiable. */
    public List<WeightedAffinityTerm> preferredAffinityTerms() {
        return preferredAffinityTerms;
    }

    /** Preferred pod anti-affinity terms; never null, unmodifiable. */
    public List<WeightedAffinityTerm> preferredAntiAffinityTerms() {
        return preferredAntiAffinityTerms;
    }

    /** Whether the pod has any pod affinity or anti-affinity term, required or preferred. */
    public boolean hasPodAffinity() {
        return !requiredAffinityTerms.isEmpty() || !requiredAntiAffinityTerms.isEmpty()
                || !preferredAffinityTerms.isEmpty() || !preferredAntiAffinityTerms.isEmpty();
    }

    /** Whether the pod has a required anti-affinity term. */
    public boolean hasRequiredAntiAffinity() {
        return !requiredAntiAffinityTerms.isEmpty();
    }

    private static Resources requestsOf(PodSpec spec, boolean nonZero) {
        Resources sum = Resources.ZERO;
        for (Container c : spec.containers()) {
            sum = sum.plus(containerRequests(c, nonZero));
        }
        for (Container c : spec.initContainers()) {
            sum = sum.max(containerRequests(c, nonZero));
        }
        return sum;
    }

    private static Resources containerRequests(Container c, boolean nonZero) {
        ResourceRequirements r = c.effectiveResources();
        Map<String, Quantity> effective = new HashMap<>(r.limits());
        effective.putAll(r.requests());
        Resources res = Resources.of(effective);
        if (nonZero && (!effective.containsKey(ResourceRequirements.CPU)
                || !effective.containsKey(ResourceRequirements.MEMORY))) {
            long cpu = effective.containsKey(ResourceRequirements.CPU) ? res.milliCpu() : DEFAULT_MILLI_CPU_REQUEST;
            long mem = effective.containsKey(ResourceRequirements.MEMORY) ? res.memory() : DEFAULT_MEMORY_REQUEST;
            res = Resources.of(cpu, mem, res.ephemeralStorage(), 0, res.scalars());
        }
        return res;
    }

    private static List<ContainerPort> hostPortsOf(PodSpec spec) {
        List<ContainerPort> ports = new ArrayList<>();
        for (Container c : spec.containers()) {
            for (ContainerPort p : c.ports()) {
                if (p.hostPort() != null && p.hostPort() > 0) {
                    ports.add(p);
                }
            }
        }
        return List.copyOf(ports);
    }

    private static List<AffinityTerm> terms(List<PodAffinityTerm> terms, String ns) {
        return terms.stream().map(t -> AffinityTerm.of(t, ns)).toList();
    }

    private static List<WeightedAffinityTerm> weighted(List<WeightedPodAffinityTerm> terms, String ns) {
        return terms.stream().map(t -> new WeightedAffinityTerm(AffinityTerm.of(t.podAffinityTerm(), ns),
                t.weight() == null ? 0 : t.weight())).toList();
    }

    @Override
    public String toString() {
        return "PodInfo[" + key + "]";
    }
}
