package io.flotilla.core.client.informer;

import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in index functions and an immutable registry of which indexes every informer of a kind gets. The
 * informer itself knows no kind: kind-specific indexes such as Pods by node are registered here.
 *
 * <pre>{@code
 * Indexers indexers = Indexers.defaults()
 *         .with(Service.TYPE, "type", svc -> List.of(svc.spec().type()));
 * List<Pod> onNode = factory.lister(Pod.TYPE).byIndex(Indexers.NODE, "edge-1");
 * }</pre>
 *
 * <p>Thread-safe (immutable).
 */
public final class Indexers {
    /** Objects by {@code metadata.namespace} (cluster-scoped objects are not indexed). */
    public static final String NAMESPACE = "namespace";
    /** Objects by label, one value {@code key=value} per label; see {@link #labelValue}. */
    public static final String LABEL = "label";
    /** Objects by the uid of their controller owner reference. */
    public static final String OWNER = "owner";
    /** Pods by {@code spec.nodeName} (unscheduled pods are not indexed). */
    public static final String NODE = "node";

    private static final Indexers NONE = new Indexers(Map.of(), Map.of());
    private static final Indexers DEFAULTS = NONE
            .withAll(NAMESPACE, Indexers::namespace)
            .withAll(LABEL, Indexers::labels)
            .withAll(OWNER, Indexers::controllerOwnerUid)
            .with(Pod.TYPE, NODE, pod -> single(pod.nodeName()));

    private final Map<String, IndexFunction<Resource>> forAll;
    private final Map<ResourceType<?>, Map<String, IndexFunction<?>>> perKind;

    private Indexers(Map<String, IndexFunction<Resource>> forAll,
                     Map<ResourceType<?>, Map<String, IndexFunction<?>>> perKind) {
        this.forAll = forAll;
        this.perKind = perKind;
    }

    /** No indexes at all. */
    public static Indexers none() {
        return NONE;
    }

    /** Namespace, label and controller-owner indexes for every kind, and the node index for Pods. */
    public static Indexers defaults() {
        return DEFAULTS;
    }

    /**
     * This registry plus an index every kind gets.
     *
     * @throws IllegalArgumentException if an index of that name is already registered for every kind
     * @throws NullPointerException     if an argument is {@code null}
     */
    public Indexers withAll(String name, IndexFunction<Resource> function) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        if (forAll.containsKey(name)) {
            throw new IllegalArgumentException("index " + name + " is already registered for every kind");
        }
        Map<String, IndexFunction<Resource>> all = new LinkedHashMap<>(forAll);
        all.put(name, function);
        return new Indexers(Map.copyOf(all), perKind);
    }

    /**
     * This registry plus an index for one kind; it replaces an index of the same name registered for every kind.
     *
     * @throws IllegalArgumentException if an index of that name is already registered for this kind
     * @throws NullPointerException     if an argument is {@code null}
     */
    public <T extends Resource> Indexers with(ResourceType<T> type, String name, IndexFunction<? super T> function) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        Map<String, IndexFunction<?>> kind = new LinkedHashMap<>(perKind.getOrDefault(type, Map.of()));
        if (kind.putIfAbsent(name, function) != null) {
            throw new IllegalArgumentException("index " + name + " is already registered for " + type);
        }
        Map<ResourceType<?>, Map<String, IndexFunction<?>>> all = new LinkedHashMap<>(perKind);
        all.put(type, Map.copyOf(kind));
        return new Indexers(forAll, Map.copyOf(all));
    }

    /** The indexes an informer of {@code type} gets, by name. */
    @SuppressWarnings("unchecked")
    public <T extends Resource> Map<String, IndexFunction<? super T>> forType(ResourceType<T> type) {
        Map<String, IndexFunction<? super T>> out = new LinkedHashMap<>(forAll);
        perKind.getOrDefault(type, Map.of()).forEach((name, fn) -> out.put(name, (IndexFunction<? super T>) fn));
        return out;
    }

    /** The value the {@link #LABEL} index uses for one label: {@code key=value}. */
    public static String labelValue(String key, String value) {
        return key + "=" + value;
    }

    /** The {@link #NAMESPACE} index function. */
    public static List<String> namespace(Resource object) {
        return single(object.metadata().namespace());
    }

    /** The {@link #LABEL} index function. */
    public static List<String> labels(Resource object) {
        Map<String, String> labels = object.metadata().labels();
        List<String> values = new ArrayList<>(labels.size());
        labels.forEach((k, v) -> values.add(labelValue(k, v)));
        return values;
    }

    /** The {@link #OWNER} index function. */
    public static List<String> controllerOwnerUid(Resource object) {
        return object.metadata().controllerReference().map(OwnerReference::uid).map(Indexers::single)
                .orElse(List.of());
    }

    private static List<String> single(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value);
    }
}
