package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The desired state of a pod: its containers and volumes and how and where it runs. Immutable; lists and maps are
 * never {@code null}, unset scalars are {@code null} (the server defaults {@code restartPolicy} to {@code Always},
 * {@code terminationGracePeriodSeconds} to 30, {@code dnsPolicy} to {@code ClusterFirst}, and so on).
 *
 * @param volumes                       volumes the containers may mount
 * @param initContainers                containers run to completion, one by one, before the others start
 * @param containers                    the pod's containers, at least one
 * @param restartPolicy                 {@link #RESTART_ALWAYS}, {@link #RESTART_ON_FAILURE} or {@link #RESTART_NEVER}
 * @param terminationGracePeriodSeconds how long containers get to stop before they are killed
 * @param activeDeadlineSeconds         how long the pod may be active before it is failed
 * @param dnsPolicy                     how the pod resolves names, one of {@link #DNS_POLICIES}
 * @param nodeSelector                  labels a node must have
 * @param serviceAccountName            the service account the pod runs as
 * @param automountServiceAccountToken  whether to mount the service account's token
 * @param nodeName                      the node the pod is bound to (set by the scheduler, or by hand to bypass it)
 * @param hostNetwork                   whether the pod uses the node's network namespace
 * @param securityContext               security settings for every container
 * @param imagePullSecrets              Secrets holding registry credentials
 * @param hostname                      the pod's hostname, its name when {@code null}
 * @param subdomain                     with {@code hostname}, gives the pod a DNS name under a headless Service
 * @param affinity                      node and pod (anti-)affinity
 * @param schedulerName                 the scheduler profile that places the pod
 * @param tolerations                   taints the pod tolerates
 * @param priorityClassName             the PriorityClass giving the pod its priority
 * @param priority                      the resolved priority (higher schedules first and may preempt)
 * @param readinessGates                extra conditions required for readiness
 * @param enableServiceLinks            whether Service environment variables are injected
 * @param topologySpreadConstraints     how matching pods spread across topology domains
 * @param dnsConfig                     DNS settings merged into those of {@code dnsPolicy} (all of them with
 *                                      {@code None})
 */
public record PodSpec(List<Volume> volumes, List<Container> initContainers, List<Container> containers,
                      String restartPolicy, Long terminationGracePeriodSeconds, Long activeDeadlineSeconds,
                      String dnsPolicy, Map<String, String> nodeSelector, String serviceAccountName,
                      Boolean automountServiceAccountToken, String nodeName, Boolean hostNetwork,
                      PodSecurityContext securityContext, List<LocalObjectReference> imagePullSecrets,
                      String hostname, String subdomain, Affinity affinity, String schedulerName,
                      List<Toleration> tolerations, String priorityClassName, Integer priority,
                      List<PodReadinessGate> readinessGates, Boolean enableServiceLinks,
                      List<TopologySpreadConstraint> topologySpreadConstraints, PodDNSConfig dnsConfig) {

    /** Restart containers whenever they exit (the default). */
    public static final String RESTART_ALWAYS = "Always";
    /** Restart containers that exit with a non-zero status. */
    public static final String RESTART_ON_FAILURE = "OnFailure";
    /** Never restart containers. */
    public static final String RESTART_NEVER = "Never";
    /** Every supported restart policy. */
    public static final List<String> RESTART_POLICIES = List.of(RESTART_ALWAYS, RESTART_ON_FAILURE, RESTART_NEVER);
    /** Cluster DNS first, then the node's resolvers (the default). */
    public static final String DNS_CLUSTER_FIRST = "ClusterFirst";
    /** Cluster DNS even with {@code hostNetwork}. */
    public static final String DNS_CLUSTER_FIRST_WITH_HOST_NET = "ClusterFirstWithHostNet";
    /** The node's resolvers. */
    public static final String DNS_DEFAULT = "Default";
    /** No DNS configuration. */
    public static final String DNS_NONE = "None";
    /** Every supported DNS policy. */
    public static final List<String> DNS_POLICIES =
            List.of(DNS_CLUSTER_FIRST, DNS_CLUSTER_FIRST_WITH_HOST_NET, DNS_DEFAULT, DNS_NONE);
    /** The grace period in seconds when none is set. */
    public static final long DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

    /** Normalises the collections. */
    public PodSpec {
        volumes = Immutables.list(volumes);
        initContainers = Immutables.list(initContainers);
        containers = Immutables.list(containers);
        nodeSelector = Immutables.map(nodeSelector);
        imagePullSecrets = Immutables.list(imagePullSecrets);
        tolerations = Immutables.list(tolerations);
        readinessGates = Immutables.list(readinessGates);
        topologySpreadConstraints = Immutables.list(topologySpreadConstraints);
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The container or init container named {@code name}, if any. */
    public Optional<Container> container(String name) {
        return allContainers().filter(c -> Objects.equals(c.name(), name)).findFirst();
    }

    /** The init containers, then the containers. */
    public Stream<Container> allContainers() {
        return Stream.concat(initContainers.stream(), containers.stream());
    }

    /** The volume named {@code name}, if any. */
    public Optional<Volume> volume(String name) {
        return volumes.stream().filter(v -> Objects.equals(v.name(), name)).findFirst();
    }

    /** The restart policy, {@link #RESTART_ALWAYS} when unset. */
    public String effectiveRestartPolicy() {
        return restartPolicy == null || restartPolicy.isEmpty() ? RESTART_ALWAYS : restartPolicy;
    }

    /** The termination grace period, 30 seconds when unset. */
    public long effectiveTerminationGracePeriodSeconds() {
        return terminationGracePeriodSeconds == null ? DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS
                : terminationGracePeriodSeconds;
    }

    /** A copy bound to node {@code nodeName}. */
    public PodSpec withNodeName(String nodeName) {
        return toBuilder().nodeName(nodeName).build();
    }

    /**
     * Mutable builder of {@link PodSpec}. Not thread-safe. It sets nothing the caller did not ask for. Container
     * and volume methods replace an element of the same name (so edits of a copy do not duplicate it); tolerations
     * and other list elements are appended.
     */
    public static final class Builder {
        private List<Volume> volumes = List.of();
        private List<Container> initContainers = List.of();
        private List<Container> containers = List.of();
        private String restartPolicy;
        private Long terminationGracePeriodSeconds;
        private Long activeDeadlineSeconds;
        private String dnsPolicy;
        private Map<String, String> nodeSelector = Map.of();
        private String serviceAccountName;
        private Boolean automountServiceAccountToken;
        private String nodeName;
        private Boolean hostNetwork;
        private PodSecurityContext securityContext;
        private List<LocalObjectReference> imagePullSecrets = List.of();
        private String hostname;
        private String subdomain;
        private Affinity affinity;
        private String schedulerName;
        private List<Toleration> tolerations = List.of();
        private String priorityClassName;
        private Integer priority;
        private List<PodReadinessGate> readinessGates = List.of();
        private Boolean enableServiceLinks;
        private List<TopologySpreadConstraint> topologySpreadConstraints = List.of();
        private PodDNSConfig dnsConfig;

        private Builder() {
        }

        private Builder(PodSpec s) {
            volumes = s.volumes;
            initContainers = s.initContainers;
            containers = s.containers;
            restartPolicy = s.restartPolicy;
            terminationGracePeriodSeconds = s.terminationGracePeriodSeconds;
            activeDeadlineSeconds = s.activeDeadlineSeconds;
            dnsPolicy = s.dnsPolicy;
            nodeSelector = s.nodeSelector;
            serviceAccountName = s.serviceAccountName;
            automountServiceAccountToken = s.automountServiceAccountToken;
            nodeName = s.nodeName;
            hostNetwork = s.hostNetwork;
            securityContext = s.securityContext;
            imagePullSecrets = s.imagePullSecrets;
            hostname = s.hostname;
            subdomain = s.subdomain;
            affinity = s.affinity;
            schedulerName = s.schedulerName;
            tolerations = s.tolerations;
            priorityClassName = s.priorityClassName;
            priority = s.priority;
            readinessGates = s.readinessGates;
            enableServiceLinks = s.enableServiceLinks;
            topologySpreadConstraints = s.topologySpreadConstraints;
            dnsConfig = s.dnsConfig;
        }

        /** Adds a container, or edits the one already named {@code name}, through its builder. */
        public Builder container(String name, Consumer<Container.Builder> edit) {
            containers = edit(containers, name, edit);
            return this;
        }

        /** Adds a container, replacing one of the same name. */
        public Builder container(Container container) {
            containers = BuilderLists.upsert(containers, container, Container::name);
            return this;
        }

        /** Adds an init container, or edits the one already named {@code name}, through its builder. */
        public Builder initContainer(String name, Consumer<Container.Builder> edit) {
            initContainers = edit(initContainers, name, edit);
            return this;
        }

        /** Adds an init container, replacing one of the same name. */
        public Builder initContainer(Container container) {
            initContainers = BuilderLists.upsert(initContainers, container, Container::name);
            return this;
        }

        private static List<Container> edit(List<Container> list, String name, Consumer<Container.Builder> edit) {
            Container.Builder b = list.stream().filter(c -> Objects.equals(c.name(), name)).findFirst()
                    .map(Container::toBuilder).orElseGet(() -> Container.named(name));
            edit.accept(b);
            return BuilderLists.upsert(list, b.build(), Container::name);
        }

        /** Removes the container or init container named {@code name}, if present. */
        public Builder removeContainer(String name) {
            containers = without(containers, name);
            initContainers = without(initContainers, name);
            return this;
        }

        private static List<Container> without(List<Container> list, String name) {
            List<Container> copy = new ArrayList<>(list);
            copy.removeIf(c -> Objects.equals(c.name(), name));
            return List.copyOf(copy);
        }

        /** Adds a volume, replacing one of the same name. */
        public Builder volume(Volume volume) {
            volumes = BuilderLists.upsert(volumes, volume, Volume::name);
            return this;
        }

        /** Sets the restart policy. */
        public Builder restartPolicy(String policy) {
            restartPolicy = policy;
            return this;
        }

        /** Sets the termination grace period. */
        public Builder terminationGracePeriodSeconds(Long seconds) {
            terminationGracePeriodSeconds = seconds;
            return this;
        }

        /** Sets the active deadline. */
        public Builder activeDeadlineSeconds(Long seconds) {
            activeDeadlineSeconds = seconds;
            return this;
        }

        /** Sets the DNS policy. */
        public Builder dnsPolicy(String policy) {
            dnsPolicy = policy;
            return this;
        }

        /** Requires node label {@code key=value}. */
        public Builder nodeSelector(String key, String value) {
            nodeSelector = Immutables.with(nodeSelector, key, value);
            return this;
        }

        /** Replaces the node selector. */
        public Builder nodeSelector(Map<String, String> selector) {
            nodeSelector = Immutables.map(selector);
            return this;
        }

        /** Sets the service account. */
        public Builder serviceAccountName(String name) {
            serviceAccountName = name;
            return this;
        }

        /** Sets whether to mount the service account token. */
        public Builder automountServiceAccountToken(Boolean automount) {
            automountServiceAccountToken = automount;
            return this;
        }

        /** Binds the pod to a node, bypassing the scheduler. */
        public Builder nodeName(String name) {
            nodeName = name;
            return this;
        }

        /** Sets whether the pod uses the node's network. */
        public Builder hostNetwork(Boolean hostNetwork) {
            this.hostNetwork = hostNetwork;
            return this;
        }

        /** Sets the pod security context. */
        public Builder securityContext(PodSecurityContext context) {
            securityContext = context;
            return this;
        }

        /** Adds a Secret of registry credentials. */
        public Builder imagePullSecret(String secretName) {
            imagePullSecrets = Immutables.with(imagePullSecrets, LocalObjectReference.of(secretName));
            return this;
        }

        /** Sets the hostname. */
        public Builder hostname(String hostname) {
            this.hostname = hostname;
            return this;
        }

        /** Sets the subdomain. */
        public Builder subdomain(String subdomain) {
            this.subdomain = subdomain;
            return this;
        }

        /** Sets the affinity. */
        public Builder affinity(Affinity affinity) {
            this.affinity = affinity;
            return this;
        }

        /** Sets the scheduler profile. */
        public Builder schedulerName(String name) {
            schedulerName = name;
            return this;
        }

        /** Adds a toleration. */
        public Builder toleration(Toleration toleration) {
            tolerations = Immutables.with(tolerations, toleration);
            return this;
        }

        /** Sets the priority class. */
        public Builder priorityClassName(String name) {
            priorityClassName = name;
            return this;
        }

        /** Sets the priority. */
        public Builder priority(Integer priority) {
            this.priority = priority;
            return this;
        }

        /** Adds a readiness gate on condition {@code conditionType}. */
        public Builder readinessGate(String conditionType) {
            readinessGates = Immutables.with(readinessGates, new PodReadinessGate(conditionType));
            return this;
        }

        /** Sets whether Service environment variables are injected. */
        public Builder enableServiceLinks(Boolean enable) {
            enableServiceLinks = enable;
            return this;
        }

        /** Adds a topology spread constraint. */
        public Builder topologySpread(TopologySpreadConstraint constraint) {
            topologySpreadConstraints = Immutables.with(topologySpreadConstraints, constraint);
            return this;
        }

        /** Sets {@code dnsConfig}, merged into the resolver configuration of the DNS policy. */
        public Builder dnsConfig(PodDNSConfig config) {
            dnsConfig = config;
            return this;
        }

        /** The spec built so far; the builder stays usable. */
        public PodSpec build() {
            return new PodSpec(volumes, initContainers, containers, restartPolicy, terminationGracePeriodSeconds,
                    activeDeadlineSeconds, dnsPolicy, nodeSelector, serviceAccountName, automountServiceAccountToken,
                    nodeName, hostNetwork, securityContext, imagePullSecrets, hostname, subdomain, affinity,
                    schedulerName, tolerations, priorityClassName, priority, readinessGates, enableServiceLinks,
                    topologySpreadConstraints, dnsConfig);
        }
    }
}
