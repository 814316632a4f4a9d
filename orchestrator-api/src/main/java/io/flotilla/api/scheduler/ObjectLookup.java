package io.flotilla.api.scheduler;

import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * Read access to cached cluster objects other than nodes and pods — PersistentVolumeClaims, PersistentVolumes,
 * StorageClasses, Namespaces — for plugins like VolumeBinding and InterPodAffinity, like the informer listers a
 * Kubernetes plugin gets from its handle. Reads come from informer caches (never the store directly), so they are
 * cheap but may be slightly stale. Thread-safe.
 */
public interface ObjectLookup {

    /**
     * One object.
     *
     * @param type      the kind; not null
     * @param namespace the namespace; null for cluster-scoped kinds
     * @param name      the name; not null
     * @return the object, or empty if the cache does not hold it
     */
    <T extends Resource> Optional<T> get(ResourceType<T> type, String namespace, String name);

    /**
     * The objects of a kind.
     *
     * @param type      the kind; not null
     * @param namespace a namespace, or null for every namespace (and for cluster-scoped kinds)
     * @return the objects; never null, unmodifiable
     */
    <T extends Resource> List<T> list(ResourceType<T> type, String namespace);
}
