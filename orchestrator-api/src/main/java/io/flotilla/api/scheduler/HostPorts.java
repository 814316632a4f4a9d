package io.flotilla.api.scheduler;

import io.flotilla.api.core.ContainerPort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The host ports in use on a node, like Kubernetes' {@code framework.HostPortInfo}: (IP, protocol, port) triples
 * where the IP {@code 0.0.0.0} (or none) means every address and so conflicts with any IP. Immutable and
 * thread-safe; {@link #conflicts} does not allocate.
 */
public final class HostPorts {

    /** No ports in use. */
    public static final HostPorts NONE = new HostPorts(List.of());

    private static final String ANY_IP = "0.0.0.0";

    private final List<ContainerPort> ports;

    private HostPorts(List<ContainerPort> ports) {
        this.ports = ports;
    }

    /** The ports in use (each with a non-null host port); never null, unmodifiable. */
    public List<ContainerPort> ports() {
        return ports;
    }

    /** Whether no port is in use. */
    public boolean isEmpty() {
        return ports.isEmpty();
    }

    /**
     * Whether {@code wanted} (a container port with a host port) conflicts with a port in use: same protocol and
     * host port, and the same IP or either IP being the wildcard. Ports without a host port never conflict.
     *
     * @param wanted the port a new pod asks for; not null
     */
    public boolean conflicts(ContainerPort wanted) {
        Integer hp = wanted.hostPort();
        if (hp == null || hp <= 0) {
            return false;
        }
        String ip = ipOf(wanted);
        String protocol = wanted.effectiveProtocol();
        for (int i = 0, n = ports.size(); i < n; i++) {
            ContainerPort used = ports.get(i);
            if (used.hostPort().intValue() == hp && protocol.equals(used.effectiveProtocol())) {
                String usedIp = ipOf(used);
                if (ip.equals(ANY_IP) || usedIp.equals(ANY_IP) || ip.equals(usedIp)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** These ports plus the host ports of {@code pod}; this instance if the pod uses none. */
    public HostPorts plus(PodInfo pod) {
        if (pod.hostPorts().isEmpty()) {
            return this;
        }
        List<ContainerPort> copy = new ArrayList<>(ports);
        copy.addAll(pod.hostPorts());
        return new HostPorts(Collections.unmodifiableList(copy));
    }

    /** These ports minus (one occurrence of each of) the host ports of {@code pod}. */
    public HostPorts minus(PodInfo pod) {
        if (pod.hostPorts().isEmpty()) {
            return this;
        }
        List<ContainerPort> copy = new ArrayList<>(ports);
        for (ContainerPort p : pod.hostPorts()) {
            copy.remove(p);
        }
        return copy.isEmpty() ? NONE : new HostPorts(Collections.unmodifiableList(copy));
    }

    private static String ipOf(ContainerPort p) {
        return p.hostIP() == null || p.hostIP().isEmpty() ? ANY_IP : p.hostIP();
    }

    @Override
    public String toString() {
        return "HostPorts" + ports;
    }
}
