package io.flotilla.api.core;

/**
 * A pod's scheduling constraints relative to nodes and to other pods. Immutable; absent parts are {@code null}.
 *
 * @param nodeAffinity    node requirements and preferences
 * @param podAffinity     co-location with other pods
 * @param podAntiAffinity separation from other pods
 */
public record Affinity(NodeAffinity nodeAffinity, PodAffinity podAffinity, PodAntiAffinity podAntiAffinity) {

    /** Node affinity only. */
    public static Affinity of(NodeAffinity nodeAffinity) {
        return new Affinity(nodeAffinity, null, null);
    }

    /** Pod anti-affinity only. */
    public static Affinity of(PodAntiAffinity podAntiAffinity) {
        return new Affinity(null, null, podAntiAffinity);
    }
}
