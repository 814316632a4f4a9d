package io.flotilla.core.node;

import io.flotilla.api.core.Container;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.ResourceFieldSelector;
import io.flotilla.api.meta.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The downward API of one pod: {@code fieldRef} paths ({@code metadata.name}, {@code metadata.namespace},
 * {@code metadata.uid}, {@code metadata.labels['k']}, {@code metadata.annotations['k']}, {@code metadata.labels}
 * and {@code metadata.annotations} for volume files, {@code spec.nodeName}, {@code spec.serviceAccountName},
 * {@code status.podIP(s)}, {@code status.hostIP(s)}) and {@code resourceFieldRef}s, whose unset limits fall back to
 * the node's allocatable, as kubelet does. Immutable.
 */
final class FieldPaths {
    private final Pod pod;
    private final String podIP;
    private final String hostIP;
    private final Map<String, Quantity> allocatable;

    FieldPaths(Pod pod, String podIP, String hostIP, Map<String, Quantity> allocatable) {
        this.pod = pod;
        this.podIP = podIP;
        this.hostIP = hostIP;
        this.allocatable = allocatable;
    }

    /** The value of {@code path}, as kubelet renders it. */
    String field(String path) throws ConfigError {
        var meta = pod.metadata();
        switch (path) {
            case "metadata.name": return meta.name();
            case "metadata.namespace": return meta.namespace();
            case "metadata.uid": return meta.uid();
            case "metadata.labels": return lines(meta.labels());
            case "metadata.annotations": return lines(meta.annotations());
            case "spec.nodeName": return nullToEmpty(pod.spec().nodeName());
            case "spec.serviceAccountName": return nullToEmpty(pod.spec().serviceAccountName());
            case "status.podIP", "status.podIPs": return nullToEmpty(podIP);
            case "status.hostIP", "status.hostIPs": return nullToEmpty(hostIP);
            default: break;
        }
        if (path.startsWith("metadata.labels['") && path.endsWith("']")) {
            return meta.labels().getOrDefault(path.substring(17, path.length() - 2), "");
        }
        if (path.startsWith("metadata.annotations['") && path.endsWith("']")) {
            return meta.annotations().getOrDefault(path.substring(22, path.length() - 2), "");
        }
        throw new ConfigError(EnvResolver.CONFIG_ERROR, "unsupported fieldPath: " + path);
    }

    /** The value of a resource field of {@code container}, divided by the divisor and rounded up. */
    String resource(Container container, ResourceFieldSelector selector) throws ConfigError {
        String resource = selector.resource();
        int dot = resource.indexOf('.');
        if (dot < 0) {
            throw new ConfigError(EnvResolver.CONFIG_ERROR, "unsupported container resource: " + resource);
        }
        String kind = resource.substring(0, dot);
        String name = resource.substring(dot + 1);
        var resources = container.effectiveResources();
        Quantity value = switch (kind) {
            case "limits" -> resources.limits().getOrDefault(name, allocatable.get(name));
            case "requests" -> resources.effectiveRequest(name);
            default -> throw new ConfigError(EnvResolver.CONFIG_ERROR, "unsupported container resource: "
                    + resource);
        };
        if (value == null) {
            value = Quantity.ZERO;
        }
        Quantity divisor = selector.divisor() == null || selector.divisor().isZero() ? Quantity.of(1)
                : selector.divisor();
        BigDecimal quotient = value.value().divide(divisor.value(), 0, RoundingMode.CEILING);
        if ("cpu".equals(name) && quotient.signum() == 0 && value.signum() > 0) {
            quotient = BigDecimal.ONE;
        }
        return quotient.toPlainString();
    }

    private static String lines(Map<String, String> map) {
        return new TreeMap<>(map).entrySet().stream()
                .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(Collectors.joining("\n"));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
