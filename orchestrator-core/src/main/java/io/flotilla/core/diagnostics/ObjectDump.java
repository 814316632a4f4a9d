package io.flotilla.core.diagnostics;

import io.flotilla.api.core.Event;
import io.flotilla.api.core.Secret;
import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.Cluster;
import io.flotilla.core.client.ResourceClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The objects of a namespace as one YAML stream, kinds sorted by name; Secret values replaced, events left out. */
final class ObjectDump {
    static final String REDACTED = "<redacted>";

    private ObjectDump() {
    }

    static String yaml(Cluster cluster, String namespace) {
        var types = cluster.client().api().types();
        List<Resource> objects = new ArrayList<>();
        types.all().stream()
                .filter(t -> t != Event.TYPE && (namespace == null || t.namespaced()))
                .sorted(Comparator.comparing(ResourceType::kind))
                .forEach(t -> objects.addAll(list(cluster, t, namespace)));
        if (objects.isEmpty()) {
            return "# no objects\n";
        }
        return Manifests.strict().withTypes(types).toYaml(objects.stream().map(ObjectDump::redacted).toList());
    }

    /**
     * {@code object}, or a Secret with every value replaced by {@value #REDACTED} (keys kept) and without its
     * last-applied annotations, which hold the values too.
     */
    static Resource redacted(Resource object) {
        if (!(object instanceof Secret s)) {
            return object;
        }
        Map<String, String> annotations = new LinkedHashMap<>(s.metadata().annotations());
        annotations.keySet().removeIf(k -> k.contains("last-applied"));
        ObjectMeta meta = s.metadata().toBuilder().annotations(annotations).build();
        return new Secret(meta, s.immutable(), mask(s.data()), mask(s.stringData()), s.secretType());
    }

    private static Map<String, String> mask(Map<String, String> values) {
        Map<String, String> masked = new LinkedHashMap<>();
        values.keySet().stream().sorted().forEach(k -> masked.put(k, REDACTED));
        return masked;
    }

    private static <T extends Resource> List<T> list(Cluster cluster, ResourceType<T> type, String namespace) {
        ResourceClient<T> client = cluster.client().resources(type);
        List<T> items = namespace == null || !type.namespaced() ? client.list() : client.inNamespace(namespace).list();
        return items.stream().sorted(Comparator.comparing(o -> o.metadata().namespace() + "/" + o.metadata().name()))
                .toList();
    }
}
