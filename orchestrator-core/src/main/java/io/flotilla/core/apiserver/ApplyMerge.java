package io.flotilla.core.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The three-way merge behind {@link ApiServer#apply}: {@code live} (stored), {@code desired} (the user's new
 * object) and {@code last} (the user's previous desired object). The rules are documented on
 * {@link ApiServer#apply}. Stateless and thread-safe; inputs are never modified.
 */
final class ApplyMerge {
    /** Metadata fields only the server sets; never taken from the user, never removed. */
    private static final List<String> SERVER_METADATA = List.of("uid", "resourceVersion", "generation",
            "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generateName");

    /**
     * Lists of named things and the field each element is keyed by, as Kubernetes' strategic merge keys
     * ({@code ports} is keyed by {@code containerPort} in containers and by {@code port} in Services).
     */
    private static final Map<String, List<String>> MERGE_KEYS = Map.of(
            "containers", List.of("name"),
            "initContainers", List.of("name"),
            "env", List.of("name"),
            "ports", List.of("containerPort", "port"),
            "volumes", List.of("name"),
            "volumeMounts", List.of("mountPath"),
            "imagePullSecrets", List.of("name"),
            "ownerReferences", List.of("uid"));

    private ApplyMerge() {
    }

    /**
     * The user's object as it is recorded in the last-applied annotation and merged: without the status, the
     * server's metadata and the annotation itself. A new tree.
     */
    static ObjectNode desired(ObjectNode tree) {
        ObjectNode out = tree.deepCopy();
        out.remove("status");
        if (out.get("metadata") instanceof ObjectNode meta) {
            SERVER_METADATA.forEach(meta::remove);
            if (meta.get("annotations") instanceof ObjectNode annotations) {
                annotations.remove(ApiServer.LAST_APPLIED_ANNOTATION);
                if (annotations.isEmpty()) {
                    meta.remove("annotations");
                }
            }
        }
        return out;
    }

    /** The merged object: a new tree. */
    static ObjectNode merge(ObjectNode live, ObjectNode desired, ObjectNode last) {
        ObjectNode out = object(live.deepCopy(), desired, last == null ? empty() : last);
        if (live.get("metadata") instanceof ObjectNode liveMeta && out.get("metadata") instanceof ObjectNode meta) {
            for (String field : SERVER_METADATA) {
                if (liveMeta.has(field)) {
                    meta.set(field, liveMeta.get(field).deepCopy());
                }
            }
        }
        return out;
    }

    private static ObjectNode object(ObjectNode out, ObjectNode desired, ObjectNode last) {
        for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode want = field.getValue();
            JsonNode have = out.get(name);
            JsonNode had = last.get(name);
            if (want instanceof ObjectNode w && have instanceof ObjectNode h) {
                out.set(name, object(h.deepCopy(), w, had instanceof ObjectNode l ? l : empty()));
            } else if (want instanceof ArrayNode w && have instanceof ArrayNode h && MERGE_KEYS.containsKey(name)) {
                out.set(name, list(MERGE_KEYS.get(name), h, w, had instanceof ArrayNode l ? l : null));
            } else {
                out.set(name, want.deepCopy());
            }
        }
        for (Iterator<String> it = last.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!desired.has(name)) {
                out.remove(name);
            }
        }
        return out;
    }

    /**
     * Merges a list of named things: desired elements in order (merged with the live element of the same key),
     * then live elements the user never applied.
     */
    private static ArrayNode list(List<String> keys, ArrayNode live, ArrayNode desired, ArrayNode last) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode want : desired) {
            JsonNode key = key(keys, want);
            JsonNode have = find(keys, live, key);
            JsonNode had = find(keys, last, key);
            if (key != null && want instanceof ObjectNode w && have instanceof ObjectNode h) {
                out.add(object(h.deepCopy(), w, had instanceof ObjectNode l ? l : empty()));
            } else {
                out.add(want.deepCopy());
            }
        }
        for (JsonNode have : live) {
            JsonNode key = key(keys, have);
            if (key != null && find(keys, desired, key) == null && find(keys, last, key) == null) {
                out.add(have.deepCopy());
            }
        }
        return out;
    }

    private static JsonNode key(List<String> keys, JsonNode element) {
        for (String k : keys) {
            JsonNode value = element.get(k);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    private static JsonNode find(List<String> keys, ArrayNode list, JsonNode key) {
        if (list == null || key == null) {
            return null;
        }
        for (JsonNode element : list) {
            if (key.equals(key(keys, element))) {
                return element;
            }
        }
        return null;
    }

    private static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }
}
