package io.flotilla.runtime.docker.internal;

import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerMetadata;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PodSandboxMetadata;
import io.flotilla.api.runtime.RuntimeLabels;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Docker labels of sandboxes, containers, helpers and networks. Docker has labels only, so the runtime stores
 * beside the caller's labels its own bookkeeping under {@link #PRIVATE_PREFIX} (sandbox and container metadata, the
 * image as requested, the sandbox's network) and the caller's annotations under {@link #ANNOTATION_PREFIX}; what it
 * reports back as labels is the caller's labels plus {@link RuntimeLabels#KIND} and {@link RuntimeLabels#SANDBOX_ID}.
 * Stateless and thread-safe.
 */
public final class Labels {
    /** The prefix of the runtime's own labels, never reported as the caller's. */
    public static final String PRIVATE_PREFIX = "io.flotilla.docker.";
    /** The prefix under which annotations are stored. */
    public static final String ANNOTATION_PREFIX = PRIVATE_PREFIX + "annotation.";
    /** The pod name of a sandbox. */
    public static final String POD_NAME = PRIVATE_PREFIX + "pod.name";
    /** The pod namespace of a sandbox. */
    public static final String POD_NAMESPACE = PRIVATE_PREFIX + "pod.namespace";
    /** The pod uid of a sandbox. */
    public static final String POD_UID = PRIVATE_PREFIX + "pod.uid";
    /** The attempt of a sandbox or container. */
    public static final String ATTEMPT = PRIVATE_PREFIX + "attempt";
    /** The container's name in its pod. */
    public static final String CONTAINER_NAME = PRIVATE_PREFIX + "container.name";
    /** The image as the caller wrote it. */
    public static final String IMAGE = PRIVATE_PREFIX + "image";
    /** The Docker network a sandbox is attached to; absent for host-network sandboxes. */
    public static final String NETWORK = PRIVATE_PREFIX + "network";
    /** Marks a host-network sandbox. */
    public static final String HOST_NETWORK = PRIVATE_PREFIX + "host-network";
    /**
     * On a container that holds its pod's network itself (see {@link InlineSandboxes}): the id of its sandbox. Such a
     * container also carries its sandbox's labels under {@link #INLINE_SANDBOX_LABEL_PREFIX} and the sandbox's IP
     * under {@link #POD_IP}.
     */
    public static final String INLINE_SANDBOX = PRIVATE_PREFIX + "inline-sandbox";
    /** The prefix of an inline sandbox's own labels on its container. */
    public static final String INLINE_SANDBOX_LABEL_PREFIX = PRIVATE_PREFIX + "inline-sandbox.";
    /** The pinned IP of an inline sandbox, on its container. */
    public static final String POD_IP = PRIVATE_PREFIX + "pod-ip";
    /**
     * On a network this runtime created with a subnet of its own: the part of the subnet kept for pinned pod
     * addresses (CIDR), which Docker's own allocation (its IP range) never hands out.
     */
    public static final String PINNED_RANGE = PRIVATE_PREFIX + "pinned-range";
    /** {@link RuntimeLabels#KIND} of the short-lived containers that write volume files. */
    public static final String KIND_HELPER = "docker-helper";
    /** {@link RuntimeLabels#KIND} of a cluster network. */
    public static final String KIND_NETWORK = "network";

    /** Event attributes Docker adds beside the labels. */
    private static final Set<String> EVENT_ATTRIBUTES = Set.of("name", "image", "exitCode", "signal",
            "execDuration", "container", "type");

    private Labels() {
    }

    /** The Docker labels of a sandbox for {@code config}, on {@code network} (or {@code null} for the host's). */
    public static Map<String, String> sandbox(PodSandboxConfig config, String network) {
        Map<String, String> labels = new LinkedHashMap<>(config.labels());
        PodSandboxMetadata metadata = config.metadata();
        labels.put(RuntimeLabels.KIND, RuntimeLabels.KIND_SANDBOX);
        labels.put(POD_NAME, metadata.name());
        labels.put(POD_NAMESPACE, metadata.namespace());
        labels.put(POD_UID, metadata.uid());
        labels.put(ATTEMPT, Integer.toString(metadata.attempt()));
        if (network == null) {
            labels.put(HOST_NETWORK, "true");
        } else {
            labels.put(NETWORK, network);
        }
        putAnnotations(labels, config.annotations());
        return labels;
    }

    /** The Docker labels of a container for {@code config} in sandbox {@code sandboxId}. */
    public static Map<String, String> container(ContainerConfig config, String sandboxId) {
        Map<String, String> labels = new LinkedHashMap<>(config.labels());
        labels.put(RuntimeLabels.KIND, RuntimeLabels.KIND_CONTAINER);
        labels.put(RuntimeLabels.SANDBOX_ID, sandboxId);
        labels.put(CONTAINER_NAME, config.metadata().name());
        labels.put(ATTEMPT, Integer.toString(config.metadata().attempt()));
        labels.put(IMAGE, config.image().image());
        putAnnotations(labels, config.annotations());
        return labels;
    }

    /**
     * The Docker labels of a container that holds its inline sandbox's network: {@link #container}'s, the sandbox's
     * id and IP, and the sandbox's own labels ({@code sandboxLabels}, as {@link #sandbox} made them) under
     * {@link #INLINE_SANDBOX_LABEL_PREFIX}.
     */
    public static Map<String, String> inlineContainer(ContainerConfig config, String sandboxId,
                                                      Map<String, String> sandboxLabels, String ip) {
        Map<String, String> labels = container(config, sandboxId);
        labels.put(INLINE_SANDBOX, sandboxId);
        labels.put(POD_IP, ip);
        putPrefixed(labels, INLINE_SANDBOX_LABEL_PREFIX, sandboxLabels);
        return labels;
    }

    /** The labels of the inline sandbox stored on one of its containers ({@link #inlineContainer}). */
    public static Map<String, String> inlineSandboxLabels(Map<String, String> container) {
        return unprefixed(container, INLINE_SANDBOX_LABEL_PREFIX);
    }

    private static void putAnnotations(Map<String, String> labels, Map<String, String> annotations) {
        putPrefixed(labels, ANNOTATION_PREFIX, annotations);
    }

    /** Stores each of {@code values} in {@code labels} under {@code prefix} + its key. */
    private static void putPrefixed(Map<String, String> labels, String prefix, Map<String, String> values) {
        values.forEach((k, v) -> labels.put(prefix + k, v));
    }

    /** The entries {@link #putPrefixed} stored under {@code prefix} in {@code docker} labels, prefix removed. */
    private static Map<String, String> unprefixed(Map<String, String> docker, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        if (docker != null) {
            docker.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    values.put(k.substring(prefix.length()), v);
                }
            });
        }
        return values;
    }

    /** The labels to report: everything but the runtime's own and the annotations. */
    public static Map<String, String> visible(Map<String, String> docker) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (docker != null) {
            docker.forEach((k, v) -> {
                if (!k.startsWith(PRIVATE_PREFIX)) {
                    labels.put(k, v);
                }
            });
        }
        return labels;
    }

    /** The labels carried in an event's attributes: {@link #visible} minus what Docker adds. */
    public static Map<String, String> fromEventAttributes(Map<String, String> attributes) {
        Map<String, String> labels = visible(attributes);
        labels.keySet().removeAll(EVENT_ATTRIBUTES);
        return labels;
    }

    /** The annotations stored in {@code docker} labels. */
    public static Map<String, String> annotations(Map<String, String> docker) {
        return unprefixed(docker, ANNOTATION_PREFIX);
    }

    /** The sandbox metadata stored in {@code docker} labels, falling back to the caller's pod labels. */
    public static PodSandboxMetadata sandboxMetadata(Map<String, String> docker, String fallbackName) {
        Map<String, String> l = docker == null ? Map.of() : docker;
        return new PodSandboxMetadata(
                l.getOrDefault(POD_NAME, l.getOrDefault(RuntimeLabels.POD_NAME, fallbackName)),
                l.getOrDefault(POD_NAMESPACE, l.getOrDefault(RuntimeLabels.NAMESPACE, "")),
                l.getOrDefault(POD_UID, l.getOrDefault(RuntimeLabels.POD_UID, "")),
                attempt(l));
    }

    /** The container metadata stored in {@code docker} labels, falling back to the caller's labels. */
    public static ContainerMetadata containerMetadata(Map<String, String> docker, String fallbackName) {
        Map<String, String> l = docker == null ? Map.of() : docker;
        return new ContainerMetadata(
                l.getOrDefault(CONTAINER_NAME, l.getOrDefault(RuntimeLabels.CONTAINER_NAME, fallbackName)),
                attempt(l));
    }

    private static int attempt(Map<String, String> labels) {
        String value = labels.getOrDefault(ATTEMPT, labels.get(RuntimeLabels.ATTEMPT));
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether {@code docker} labels mark a sandbox. */
    public static boolean isSandbox(Map<String, String> docker) {
        return docker != null && RuntimeLabels.KIND_SANDBOX.equals(docker.get(RuntimeLabels.KIND));
    }

    /** Whether {@code docker} labels mark an application container. */
    public static boolean isContainer(Map<String, String> docker) {
        return docker != null && RuntimeLabels.KIND_CONTAINER.equals(docker.get(RuntimeLabels.KIND));
    }
}
