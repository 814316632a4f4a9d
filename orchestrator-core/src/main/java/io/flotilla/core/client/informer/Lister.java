package io.flotilla.core.client.informer;

import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only view of an informer's cache, as client-go's listers: the objects are the informer's immutable
 * records, as of the last change it processed (which may trail the store slightly). Lists are sorted by namespace,
 * then name, and are unmodifiable snapshots.
 *
 * <p>Thread-safe. Lookups by namespace and by index cost the size of their result; lookups by label selector scan
 * the cache (use {@code byIndex(Indexers.LABEL, Indexers.labelValue(k, v))} for one label).
 *
 * @param <T> the resource type
 */
public final class Lister<T extends Resource> {
    private static final Comparator<Resource> ORDER = Lister::compare;

    private final ResourceType<T> type;
    private final IndexedCache<T> cache;

    Lister(ResourceType<T> type, IndexedCache<T> cache) {
        this.type = type;
        this.cache = cache;
    }

    /** The kind listed. */
    public ResourceType<T> type() {
        return type;
    }

    /**
     * The object, if cached.
     *
     * @param namespace the namespace; {@code null} for cluster-scoped kinds
     * @param name      the name; not {@code null}
     */
    public Optional<T> get(String namespace, String name) {
        Objects.requireNonNull(name, "name");
        return Optional.ofNullable(cache.get(IndexedCache.key(namespace, name)));
    }

    /** A cluster-scoped object (or one in no namespace), if cached. */
    public Optional<T> get(String name) {
        return get(null, name);
    }

    /** Every cached object. */
    public List<T> list() {
        return sorted(cache.list(o -> true));
    }

    /**
     * The objects in {@code namespace}; {@code null} means every namespace. Uses the {@link Indexers#NAMESPACE}
     * index when the informer has it.
     */
    public List<T> list(String namespace) {
        if (namespace == null) {
            return list();
        }
        if (cache.hasIndex(Indexers.NAMESPACE)) {
            return Collections.unmodifiableList(cache.byIndex(Indexers.NAMESPACE, namespace));
        }
        return sorted(cache.list(o -> namespace.equals(o.metadata().namespace())));
    }

    /** The objects whose labels match {@code selector}, in every namespace. */
    public List<T> list(LabelSelector selector) {
        return list(null, selector);
    }

    /** The objects in {@code namespace} ({@code null}: every namespace) whose labels match {@code selector}. */
    public List<T> list(String namespace, LabelSelector selector) {
        Objects.requireNonNull(selector, "selector");
        if (namespace == null) {
            return sorted(cache.list(o -> selector.matches(o.metadata().labels())));
        }
        return list(namespace).stream().filter(o -> selector.matches(o.metadata().labels())).toList();
    }

    /**
     * The objects indexed under {@code value} by index {@code indexName}, such as
     * {@code byIndex(Indexers.NODE, "edge-1")}.
     *
     * @throws IllegalArgumentException if the informer has no such index
     */
    public List<T> byIndex(String indexName, String value) {
        Objects.requireNonNull(indexName, "indexName");
        Objects.requireNonNull(value, "value");
        return Collections.unmodifiableList(cache.byIndex(indexName, value));
    }

    /**
     * The values under which index {@code indexName} currently holds objects.
     *
     * @throws IllegalArgumentException if the informer has no such index
     */
    public Set<String> indexValues(String indexName) {
        return cache.indexValues(Objects.requireNonNull(indexName, "indexName"));
    }

    /** How many objects are cached. */
    public int size() {
        return cache.size();
    }

    private static <T extends Resource> List<T> sorted(List<T> items) {
        items.sort(ORDER);
        return Collections.unmodifiableList(items);
    }

    /** Namespace (none first), then name: the order of {@link IndexedCache#KEY_ORDER}, on the objects. */
    private static int compare(Resource a, Resource b) {
        String namespaceA = a.metadata().namespace();
        String namespaceB = b.metadata().namespace();
        int byNamespace = (namespaceA == null ? "" : namespaceA).compareTo(namespaceB == null ? "" : namespaceB);
        return byNamespace != 0 ? byNamespace : a.metadata().name().compareTo(b.metadata().name());
    }
}
