package io.flotilla.api.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The label keys Flotilla puts on everything a runtime creates for it, in one place. With them a restarted cluster
 * lists ({@link ContainerRuntime#listPodSandboxes}, {@link ContainerRuntime#listContainers},
 * {@link ContainerRuntime#listVolumes}) exactly what it left behind, and adopts or removes it. Runtimes store the
 * labels as given and never interpret them, except that a dockershim may add {@link #KIND} and {@link #SANDBOX_ID}
 * to tell its own containers apart. Stateless and thread-safe.
 */
public final class RuntimeLabels {
    /** The prefix of every Flotilla label. */
    public static final String PREFIX = "io.flotilla.";
    /** The id of the cluster that owns the object: the key for adoption and clean-up. */
    public static final String CLUSTER = PREFIX + "cluster";
    /** The node (agent) that created the object. */
    public static final String NODE = PREFIX + "node";
    /** The pod's namespace. */
    public static final String NAMESPACE = PREFIX + "namespace";
    /** The pod's name. */
    public static final String POD_NAME = PREFIX + "pod.name";
    /** The pod's uid. */
    public static final String POD_UID = PREFIX + "pod.uid";
    /** The container's name within its pod. */
    public static final String CONTAINER_NAME = PREFIX + "container.name";
    /** The attempt (restart count) of a container or sandbox, as a decimal string. */
    public static final String ATTEMPT = PREFIX + "attempt";
    /** A hash of the container spec, so an agent can tell whether a running container matches its pod. */
    public static final String CONTAINER_HASH = PREFIX + "container.hash";
    /** What a runtime object is for: {@link #KIND_SANDBOX}, {@link #KIND_CONTAINER} or {@link #KIND_VOLUME}. */
    public static final String KIND = PREFIX + "kind";
    /** The id of the pod sandbox a container belongs to (set by runtimes that need it, such as Docker). */
    public static final String SANDBOX_ID = PREFIX + "sandbox.id";
    /** The name of the pod volume a runtime volume backs. */
    public static final String VOLUME_NAME = PREFIX + "volume.name";
    /** {@link #KIND} value of a pod sandbox. */
    public static final String KIND_SANDBOX = "sandbox";
    /** {@link #KIND} value of an application container. */
    public static final String KIND_CONTAINER = "container";
    /** {@link #KIND} value of a volume. */
    public static final String KIND_VOLUME = "volume";

    private RuntimeLabels() {
    }

    /**
     * The labels of a pod's sandbox and volumes: cluster, namespace, pod name and uid.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Map<String, String> forPod(String cluster, String namespace, String podName, String podUid) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(CLUSTER, Objects.requireNonNull(cluster, "cluster"));
        labels.put(NAMESPACE, Objects.requireNonNull(namespace, "namespace"));
        labels.put(POD_NAME, Objects.requireNonNull(podName, "podName"));
        labels.put(POD_UID, Objects.requireNonNull(podUid, "podUid"));
        return Map.copyOf(labels);
    }

    /**
     * {@code podLabels} plus the container's name and attempt.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Map<String, String> forContainer(Map<String, String> podLabels, String containerName, int attempt) {
        Map<String, String> labels = new LinkedHashMap<>(Objects.requireNonNull(podLabels, "podLabels"));
        labels.put(CONTAINER_NAME, Objects.requireNonNull(containerName, "containerName"));
        labels.put(ATTEMPT, Integer.toString(attempt));
        return Map.copyOf(labels);
    }

    /** A selector matching everything of one cluster, for adoption and clean-up listings. */
    public static Map<String, String> cluster(String cluster) {
        return Map.of(CLUSTER, Objects.requireNonNull(cluster, "cluster"));
    }

    /** Whether {@code labels} holds every entry of {@code selector} (an empty selector matches everything). */
    public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> entry : selector.entrySet()) {
            if (!entry.getValue().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
