package io.flotilla.api.runtime;

import io.flotilla.api.internal.Immutables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run a pod sandbox (CRI {@code PodSandboxConfig}): the pod's identity, hostname, DNS, published ports,
 * labels and Linux basics. The sandbox owns the pod's network namespace; the runtime chooses its image (the
 * "pause" image). Immutable; collections are never {@code null}.
 *
 * @param metadata      which pod; not {@code null}
 * @param hostname      the pod's hostname, or {@code null} for the runtime's default
 * @param dnsConfig     the resolver configuration, or {@code null} for the runtime's default
 * @param portMappings  host ports to publish
 * @param labels        labels the runtime stores on the sandbox (see {@link RuntimeLabels})
 * @param annotations   free-form metadata the runtime stores on the sandbox
 * @param logDirectory  where container logs of this pod go (CRI {@code log_directory}), or {@code null}
 * @param hostNetwork   whether the pod uses the host's network namespace instead of its own
 * @param cgroupParent  the parent cgroup of the pod's containers, or {@code null}
 * @param sysctls       namespaced sysctls to set in the sandbox
 * @param singleContainer whether the sandbox will only ever hold one container at a time (no init containers, no
 *                      second container): a runtime may then let that container own the pod's namespaces itself
 *                      instead of starting a separate holder for them. The sandbox's contract is unchanged: its IP
 *                      stays the same across the container's restarts until the sandbox is stopped.
 */
public record PodSandboxConfig(PodSandboxMetadata metadata, String hostname, DnsConfig dnsConfig,
                               List<PortMapping> portMappings, Map<String, String> labels,
                               Map<String, String> annotations, String logDirectory, boolean hostNetwork,
                               String cgroupParent, Map<String, String> sysctls, boolean singleContainer) {

    /** Normalises the collections. */
    public PodSandboxConfig {
        Objects.requireNonNull(metadata, "metadata");
        portMappings = Immutables.list(portMappings);
        labels = Immutables.map(labels);
        annotations = Immutables.map(annotations);
        sysctls = Immutables.map(sysctls);
    }

    /** A builder for the sandbox of pod {@code namespace/name} with uid {@code uid}, attempt 0. */
    public static Builder builder(String namespace, String name, String uid) {
        return new Builder(new PodSandboxMetadata(name, namespace, uid, 0));
    }

    /**
     * Builds a {@link PodSandboxConfig}. Mutable and confined to one thread; {@code null} arguments are rejected
     * with {@link NullPointerException}.
     */
    public static final class Builder {
        private PodSandboxMetadata metadata;
        private String hostname;
        private DnsConfig dnsConfig;
        private final List<PortMapping> portMappings = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> annotations = new LinkedHashMap<>();
        private String logDirectory;
        private boolean hostNetwork;
        private String cgroupParent;
        private final Map<String, String> sysctls = new LinkedHashMap<>();
        private boolean singleContainer;

        private Builder(PodSandboxMetadata metadata) {
            this.metadata = metadata;
        }

        /** Sets the attempt (how many sandboxes the pod had before). */
        public Builder attempt(int attempt) {
            metadata = new PodSandboxMetadata(metadata.name(), metadata.namespace(), metadata.uid(), attempt);
            return this;
        }

        /** Sets the hostname. */
        public Builder hostname(String value) {
            hostname = Objects.requireNonNull(value, "hostname");
            return this;
        }

        /** Sets the DNS configuration. */
        public Builder dnsConfig(DnsConfig value) {
            dnsConfig = Objects.requireNonNull(value, "dnsConfig");
            return this;
        }

        /** Adds a published port. */
        public Builder portMapping(PortMapping value) {
            portMappings.add(Objects.requireNonNull(value, "portMapping"));
            return this;
        }

        /** Adds a label. */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds every label of {@code values}. */
        public Builder labels(Map<String, String> values) {
            values.forEach(this::label);
            return this;
        }

        /** Adds an annotation. */
        public Builder annotation(String key, String value) {
            annotations.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets the log directory. */
        public Builder logDirectory(String value) {
            logDirectory = Objects.requireNonNull(value, "logDirectory");
            return this;
        }

        /** Uses the host's network namespace. */
        public Builder hostNetwork(boolean value) {
            hostNetwork = value;
            return this;
        }

        /** Sets the parent cgroup. */
        public Builder cgroupParent(String value) {
            cgroupParent = Objects.requireNonNull(value, "cgroupParent");
            return this;
        }

        /** Adds a namespaced sysctl. */
        public Builder sysctl(String key, String value) {
            sysctls.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Declares that the sandbox will only ever hold one container at a time; see {@link #singleContainer()}. */
        public Builder singleContainer(boolean value) {
            singleContainer = value;
            return this;
        }

        /** The configuration. */
        public PodSandboxConfig build() {
            return new PodSandboxConfig(metadata, hostname, dnsConfig, portMappings, labels, annotations,
                    logDirectory, hostNetwork, cgroupParent, sysctls, singleContainer);
        }
    }
}
