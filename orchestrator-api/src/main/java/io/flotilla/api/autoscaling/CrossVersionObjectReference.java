package io.flotilla.api.autoscaling;

import io.flotilla.api.meta.ResourceType;

/**
 * The object an autoscaler scales, in its own namespace: a Deployment, StatefulSet or ReplicaSet. Immutable;
 * components may be {@code null} (validation requires kind and name).
 *
 * @param apiVersion the target's group/version, such as {@code apps/v1}
 * @param kind       the target's kind, such as {@code Deployment}
 * @param name       the target's name
 */
public record CrossVersionObjectReference(String apiVersion, String kind, String name) {

    /** A reference to the object of this kind and name: {@code to(Deployment.TYPE, "web")}. */
    public static CrossVersionObjectReference to(ResourceType<?> type, String name) {
        return new CrossVersionObjectReference(type.apiVersion(), type.kind(), name);
    }
}
