package io.flotilla.core.store;

import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The objects of one kind: namespace → name → object, holding the stored records as they are (the name key is the
 * record's own string, so an object costs one map node). Reads are lock-free; {@link #put} and {@link #remove} are
 * called only under the store's write lock.
 */
final class TypeTable {
    private static final String CLUSTER_SCOPE = "";

    final ResourceType<?> type;
    final StoreMetrics.KindMeters meters;
    private final Map<String, Function<Resource, String>> fields;
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Resource>> byNamespace =
            new ConcurrentHashMap<>();

    TypeTable(ResourceType<?> type, Map<String, Function<Resource, String>> fields, StoreMetrics.KindMeters meters) {
        this.type = type;
        this.fields = Map.copyOf(fields);
        this.meters = meters;
    }

    private static String scope(String namespace) {
        return namespace == null ? CLUSTER_SCOPE : namespace;
    }

    /**
     * The object's namespace, checked against the kind's scope: {@code null} for cluster-scoped kinds.
     *
     * @throws IllegalArgumentException if a namespaced object has none or a cluster-scoped one has one
     */
    String namespaceOf(ObjectMeta meta) {
        String namespace = meta.namespace();
        boolean has = namespace != null && !namespace.isEmpty();
        if (type.namespaced() && !has) {
            throw new IllegalArgumentException(type.kind() + " \"" + meta.name() + "\" needs metadata.namespace"
                    + " (the API layer defaults it)");
        }
        if (!type.namespaced() && has) {
            throw new IllegalArgumentException(type.kind() + " \"" + meta.name() + "\" is cluster-scoped and must"
                    + " not have metadata.namespace");
        }
        return has ? namespace : null;
    }

    /**
     * The object's name.
     *
     * @throws IllegalArgumentException if it has none
     */
    static String nameOf(Resource object) {
        String name = object.metadata().name();
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(object.kind() + " needs metadata.name (generateName is resolved by"
                    + " the API layer)");
        }
        return name;
    }

    Resource get(String namespace, String name) {
        ConcurrentHashMap<String, Resource> names = byNamespace.get(scope(namespace));
        return names == null ? null : names.get(name);
    }

    void put(String namespace, String name, Resource object) {
        byNamespace.computeIfAbsent(scope(namespace), ns -> new ConcurrentHashMap<>()).put(name, object);
    }

    void remove(String namespace, String name) {
        ConcurrentHashMap<String, Resource> names = byNamespace.get(scope(namespace));
        if (names != null) {
            names.remove(name);
        }
    }

    /** A weakly consistent copy of the objects in {@code namespace}, or in all namespaces for {@code null}. */
    List<Resource> collect(String namespace) {
        if (namespace != null) {
            ConcurrentHashMap<String, Resource> names = byNamespace.get(namespace);
            return names == null ? new ArrayList<>() : new ArrayList<>(names.values());
        }
        List<Resource> all = new ArrayList<>();
        byNamespace.values().forEach(names -> all.addAll(names.values()));
        return all;
    }

    /**
     * The predicate of a label and a field selector, or {@code null} if both select everything.
     *
     * @throws IllegalArgumentException if the field selector names a field this kind does not support
     */
    Predicate<Resource> matcher(LabelSelector labels, FieldSelector fieldSelector) {
        boolean anyLabels = labels != null && !(labels.matchLabels().isEmpty() && labels.matchExpressions().isEmpty());
        boolean anyFields = fieldSelector != null && !fieldSelector.isEverything();
        if (anyFields) {
            for (FieldSelector.Requirement r : fieldSelector.requirements()) {
                if (!isField(r.field())) {
                    throw new IllegalArgumentException("field label not supported: " + r.field() + " (kind "
                            + type.kind() + " supports " + supportedFields() + ")");
                }
            }
        }
        if (!anyLabels && !anyFields) {
            return null;
        }
        return object -> (!anyLabels || labels.matches(object.metadata().labels()))
                && (!anyFields || fieldSelector.matches(field -> fieldValue(object, field)));
    }

    private boolean isField(String field) {
        return field.equals("metadata.name") || field.equals("metadata.namespace") || fields.containsKey(field);
    }

    private List<String> supportedFields() {
        List<String> names = new ArrayList<>(List.of("metadata.name", "metadata.namespace"));
        fields.keySet().stream().sorted().forEach(names::add);
        return names;
    }

    private String fieldValue(Resource object, String field) {
        return switch (field) {
            case "metadata.name" -> object.metadata().name();
            case "metadata.namespace" -> object.metadata().namespace();
            default -> fields.get(field).apply(object);
        };
    }
}
