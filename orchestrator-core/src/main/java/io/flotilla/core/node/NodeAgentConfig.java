package io.flotilla.core.node;

import io.flotilla.api.core.Taint;
import io.flotilla.api.internal.Immutables;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link NodeAgent} registers its node and keeps it current. Immutable; the {@code with*} methods return
 * copies.
 *
 * @param labels             extra node labels, added to {@code kubernetes.io/hostname}, {@code kubernetes.io/os} and
 *                           {@code kubernetes.io/arch}
 * @param taints             taints the node registers with (kubelet's {@code --register-with-taints})
 * @param internalIP         the node's {@code InternalIP} address, also every pod's {@code hostIP}; default
 *                           {@code 127.0.0.1}
 * @param maxPods            the node's {@code pods} capacity; default 110, as kubelet
 * @param leaseDuration      the node Lease's {@code leaseDurationSeconds}; default 40 s, as kubelet
 * @param renewInterval      how often the Lease is renewed; default 10 s (a quarter of the duration, as kubelet)
 * @param statusReportPeriod how often the node status is written even when unchanged; default 1 min (kubelet: 5 min)
 * @param relistPeriod       how often the runtime is relisted to catch missed events (kubelet's PLEG); default 1 s
 */
public record NodeAgentConfig(Map<String, String> labels, List<Taint> taints, String internalIP, int maxPods,
                              Duration leaseDuration, Duration renewInterval, Duration statusReportPeriod,
                              Duration relistPeriod) {

    /** Checks the values; nulls become defaults. */
    public NodeAgentConfig {
        labels = Immutables.map(labels);
        taints = Immutables.list(taints);
        internalIP = internalIP == null ? "127.0.0.1" : internalIP;
        if (maxPods <= 0) {
            throw new IllegalArgumentException("maxPods must be positive: " + maxPods);
        }
        leaseDuration = positive(leaseDuration, Duration.ofSeconds(40), "leaseDuration");
        renewInterval = positive(renewInterval, Duration.ofSeconds(10), "renewInterval");
        statusReportPeriod = positive(statusReportPeriod, Duration.ofMinutes(1), "statusReportPeriod");
        relistPeriod = positive(relistPeriod, Duration.ofSeconds(1), "relistPeriod");
    }

    /** Kubelet's defaults. */
    public static NodeAgentConfig defaults() {
        return new NodeAgentConfig(Map.of(), List.of(), null, 110, null, null, null, null);
    }

    /** A copy with one more node label. */
    public NodeAgentConfig withLabel(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(labels);
        copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new NodeAgentConfig(copy, taints, internalIP, maxPods, leaseDuration, renewInterval,
                statusReportPeriod, relistPeriod);
    }

    /** A copy that registers with one more taint. */
    public NodeAgentConfig withTaint(Taint taint) {
        List<Taint> copy = new java.util.ArrayList<>(taints);
        copy.add(Objects.requireNonNull(taint, "taint"));
        return new NodeAgentConfig(labels, copy, internalIP, maxPods, leaseDuration, renewInterval,
                statusReportPeriod, relistPeriod);
    }

    /** A copy with another {@code InternalIP}. */
    public NodeAgentConfig withInternalIP(String ip) {
        return new NodeAgentConfig(labels, taints, Objects.requireNonNull(ip, "ip"), maxPods, leaseDuration,
                renewInterval, statusReportPeriod, relistPeriod);
    }

    /** A copy with other heartbeat timings: the Lease duration and how often it is renewed. */
    public NodeAgentConfig withHeartbeat(Duration duration, Duration renew) {
        return new NodeAgentConfig(labels, taints, internalIP, maxPods, Objects.requireNonNull(duration, "duration"),
                Objects.requireNonNull(renew, "renew"), statusReportPeriod, relistPeriod);
    }

    /** A copy with another relist period. */
    public NodeAgentConfig withRelistPeriod(Duration period) {
        return new NodeAgentConfig(labels, taints, internalIP, maxPods, leaseDuration, renewInterval,
                statusReportPeriod, Objects.requireNonNull(period, "period"));
    }

    private static Duration positive(Duration value, Duration dflt, String name) {
        Duration d = value == null ? dflt : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }
}
