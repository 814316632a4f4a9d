package io.flotilla.api;

import io.flotilla.api.apps.DaemonSet;
import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.autoscaling.HorizontalPodAutoscaler;
import io.flotilla.api.batch.CronJob;
import io.flotilla.api.batch.Job;
import io.flotilla.api.coordination.Lease;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.Namespace;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.PersistentVolume;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Secret;
import io.flotilla.api.core.Service;
import io.flotilla.api.networking.Ingress;
import io.flotilla.api.storage.StorageClass;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable registry of resource kinds: the built-in ones plus any custom kinds a user adds with
 * {@link #with(ResourceType)}. Thread-safe.
 */
public final class ResourceTypes {
    private static final List<ResourceType<?>> BUILT_IN = List.of(
            // core/v1
            ConfigMap.TYPE,
            Pod.TYPE,
            PersistentVolumeClaim.TYPE,
            Namespace.TYPE,
            Secret.TYPE,
            Service.TYPE,
            Endpoints.TYPE,
            Node.TYPE,
            Event.TYPE,
            PersistentVolume.TYPE,
            // storage.k8s.io/v1, networking.k8s.io/v1, coordination.k8s.io/v1
            StorageClass.TYPE,
            Ingress.TYPE,
            Lease.TYPE,
            // apps/v1, batch/v1, autoscaling/v2
            Deployment.TYPE,
            ReplicaSet.TYPE,
            StatefulSet.TYPE,
            DaemonSet.TYPE,
            Job.TYPE,
            CronJob.TYPE,
            HorizontalPodAutoscaler.TYPE
    );
    private static final ResourceTypes BUILT_IN_TYPES = new ResourceTypes(index(BUILT_IN));

    private final Map<String, ResourceType<?>> byApiVersionKind;

    private ResourceTypes(Map<String, ResourceType<?>> byApiVersionKind) {
        this.byApiVersionKind = byApiVersionKind;
    }

    /** The kinds built into Flotilla. */
    public static ResourceTypes builtIn() {
        return BUILT_IN_TYPES;
    }

    private static Map<String, ResourceType<?>> index(List<ResourceType<?>> types) {
        Map<String, ResourceType<?>> map = new LinkedHashMap<>();
        for (ResourceType<?> t : types) {
            if (map.putIfAbsent(key(t.apiVersion(), t.kind()), t) != null) {
                throw new IllegalArgumentException("kind " + t + " is registered twice");
            }
        }
        return map;
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + "/" + kind;
    }

    /**
     * This registry plus a custom kind.
     *
     * @throws IllegalArgumentException if a kind with the same apiVersion and kind, or the same Java type, exists
     */
    public ResourceTypes with(ResourceType<?> type) {
        for (ResourceType<?> t : byApiVersionKind.values()) {
            if (t.javaType().equals(type.javaType())) {
                throw new IllegalArgumentException(type.javaType().getName() + " is already registered as " + t);
            }
        }
        Map<String, ResourceType<?>> map = new LinkedHashMap<>(byApiVersionKind);
        if (map.putIfAbsent(key(type.apiVersion(), type.kind()), type) != null) {
            throw new IllegalArgumentException("kind " + type + " is already registered");
        }
        return new ResourceTypes(map);
    }

    /** The kind with this apiVersion and kind name, if registered. */
    public Optional<ResourceType<?>> find(String apiVersion, String kind) {
        return Optional.ofNullable(byApiVersionKind.get(key(apiVersion, kind)));
    }

    /** Every registered kind with this kind name, whatever its apiVersion. */
    public List<ResourceType<?>> findByKind(String kind) {
        return byApiVersionKind.values().stream().filter(t -> t.kind().equals(kind)).toList();
    }

    /**
     * The kind whose record type is {@code javaType}.
     *
     * @throws IllegalArgumentException if the type is not registered
     */
    @SuppressWarnings("unchecked")
    public <T extends Resource> ResourceType<T> of(Class<T> javaType) {
        for (ResourceType<?> t : byApiVersionKind.values()) {
            if (t.javaType().equals(javaType)) {
                return (ResourceType<T>) t;
            }
        }
        throw new IllegalArgumentException(javaType.getName() + " is not a registered resource kind");
    }

    /** Every registered kind, built-in first, in registration order. */
    public Collection<ResourceType<?>> all() {
        return List.copyOf(byApiVersionKind.values());
    }

    /** The kind names, sorted, as listed in error messages. */
    public Set<String> kindNames() {
        Set<String> names = new TreeSet<>();
        byApiVersionKind.values().forEach(t -> names.add(t.kind()));
        return names;
    }
}
